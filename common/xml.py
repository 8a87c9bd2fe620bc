"""The one XML parser for what a document carries (DOCX and ODT parts,
antiword's DocBook): never fetch, load or expand anything the file names
(no external entity, no DTD, no network, no huge tree)."""
from __future__ import annotations

from lxml import etree


def safe_parser(*, recover: bool = False, strip_comments: bool = False) -> etree.XMLParser:
    """`recover` reads past syntax errors (a converter's output);
    `strip_comments` drops comments and processing instructions."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           recover=recover, remove_comments=strip_comments, remove_pis=strip_comments)
