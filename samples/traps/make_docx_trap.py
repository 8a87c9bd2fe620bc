"""Write a trap DOCX: raw WordprocessingML holding every construct where a
naive reader loses text or reads it twice.

Each MARQUEUR-* must come back exactly once; no ANTI-* may come back (it is
deleted text, a field code, a placeholder prompt or a separator note).

    python samples/traps/make_docx_trap.py [out.docx]
"""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

MARKERS = [
    "MARQUEUR-TITRE", "MARQUEUR-SOUS-TITRE", "MARQUEUR-LISTE", "MARQUEUR-PUCE-STYLE",
    "MARQUEUR-SDT-BLOC", "MARQUEUR-SDT-INLINE", "MARQUEUR-SDT-LIGNE", "MARQUEUR-SDT-CELLULE",
    "MARQUEUR-TEXTBOX", "MARQUEUR-VML", "MARQUEUR-INSERTION", "MARQUEUR-DEPLACE",
    "MARQUEUR-CHAMP-RESULTAT", "MARQUEUR-CHAMP-SIMPLE", "MARQUEUR-FORMULAIRE",
    "MARQUEUR-DEROULANT", "MARQUEUR-DEROULANT-ECRIT", "MARQUEUR-SOMMAIRE-UN",
    "MARQUEUR-SOMMAIRE-DEUX",
    "MARQUEUR-LIEN", "MARQUEUR-SMARTTAG", "MARQUEUR-CUSTOMXML",
    "MARQUEUR-TABLEAU", "MARQUEUR-FUSION", "MARQUEUR-VERTICALE",
    "MARQUEUR-CELLULE-EXTERNE", "MARQUEUR-IMBRIQUE", "MARQUEUR-PAGE-DEUX",
    "MARQUEUR-ENTETE-PREMIERE", "MARQUEUR-ENTETE-DEFAUT", "MARQUEUR-ENTETE-PAIRE", "MARQUEUR-PIED",
    "MARQUEUR-NOTE", "MARQUEUR-FIN-NOTE",
]
ANTI_MARKERS = [
    "ANTI-SUPPRESSION", "ANTI-DEPLACE", "ANTI-INSTRUCTION", "ANTI-PLACEHOLDER", "ANTI-CHOIX",
    "ANTI-BLOC-PLACEHOLDER", "ANTI-SEPARATEUR", "Cliquez ou appuyez ici pour entrer du texte.",
]

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'mc:Ignorable="w14"')
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(inner: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{inner}</w:p>"


def cell(inner: str, tcpr: str = "") -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>{tcpr}</w:tcPr>{inner}</w:tc>'


def table(rows: str, cols: int) -> str:
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(cols))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>")


def textbox_run() -> str:
    """A DrawingML text box with its VML fallback copy, as Word writes it."""
    content = f"<w:txbxContent>{para(run('MARQUEUR-TEXTBOX'))}</w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="1800000" cy="500000"/><wp:wrapSquare wrapText="bothSides"/>'
        '<wp:docPr id="1" name="Zone de texte 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm>'
        '<a:off x="0" y="0"/><a:ext cx="1800000" cy="500000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        '<v:shape id="tb1" type="#_x0000_t202" style="width:140pt;height:40pt">'
        f"<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>")


def vml_textbox_run() -> str:
    """An old-style text box: VML only, no alternate content."""
    return ('<w:r><w:pict><v:shape id="tb2" type="#_x0000_t202" style="width:140pt;'
            f'height:40pt"><v:textbox><w:txbxContent>{para(run("MARQUEUR-VML"))}'
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")


def checkbox_sdt(checked: bool) -> str:
    glyph = "☒" if checked else "☐"
    return (f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{int(checked)}"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
            f"</w:sdtPr><w:sdtContent>{run(glyph)}</w:sdtContent></w:sdt>")


def legacy_checkbox(default: bool) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Case1"/>'
            f'<w:enabled/><w:checkBox><w:sizeAuto/><w:default w:val="{int(default)}"/>'
            '</w:checkBox></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def fld(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def legacy_dropdown(result_text: str) -> str:
    """A FORMDROPDOWN whose second entry is chosen; Word writes no result runs,
    other tools write the chosen entry as the result."""
    entries = ("ANTI-CHOIX", result_text or "MARQUEUR-DEROULANT")
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Liste1"/>'
            '<w:enabled/><w:ddList><w:result w:val="1"/>'
            + "".join(f'<w:listEntry w:val="{e}"/>' for e in entries)
            + '</w:ddList></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
            + fld("separate") + (run(result_text) if result_text else "") + fld("end"))


def body() -> str:
    parts = [
        para(run("MARQUEUR-TITRE"), '<w:pStyle w:val="Titre1"/>'),
        para(run("Introduction ordinaire")),
        para(run("MARQUEUR-SOUS-TITRE"), '<w:outlineLvl w:val="1"/>'),
        para(run("MARQUEUR-LISTE"),
             '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'),
        para(run("MARQUEUR-PUCE-STYLE"), '<w:pStyle w:val="Listepuces"/>'),
        # Block-level content controls: one filled, one still showing its prompt.
        '<w:sdt><w:sdtPr><w:alias w:val="Bloc"/></w:sdtPr><w:sdtContent>'
        + para(run("MARQUEUR-SDT-BLOC")) + "</w:sdtContent></w:sdt>",
        '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
        + para(run("ANTI-BLOC-PLACEHOLDER")) + "</w:sdtContent></w:sdt>",
        # Inline controls: filled, placeholder flag, placeholder text, check boxes.
        para(run("Nom : ")
             + "<w:sdt><w:sdtPr/><w:sdtContent>" + run("MARQUEUR-SDT-INLINE")
             + "</w:sdtContent></w:sdt>"
             + run(" ; fonction : ")
             + f"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
               f"{run('ANTI-PLACEHOLDER')}</w:sdtContent></w:sdt>"
             + run(" ; date : ")
             + f"<w:sdt><w:sdtPr/><w:sdtContent>"
               f"{run('Cliquez ou appuyez ici pour entrer du texte.')}</w:sdtContent></w:sdt>"),
        para(run("Oui ") + checkbox_sdt(True) + run(" Non ") + checkbox_sdt(False)
             + run(" Ancien ") + legacy_checkbox(True) + run(" Vide ") + legacy_checkbox(False)),
        # Tracked changes: insertion and move-to kept, deletion and move-from dropped.
        para(run("Révision : ")
             + '<w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">'
             + run("MARQUEUR-INSERTION") + "</w:ins>"
             + '<w:del w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r>'
               '<w:delText>ANTI-SUPPRESSION</w:delText></w:r></w:del>'
             + '<w:moveFrom w:id="3" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r>'
               '<w:t>ANTI-DEPLACE</w:t></w:r></w:moveFrom>'
             + '<w:moveTo w:id="4" w:author="A" w:date="2024-01-01T00:00:00Z">'
             + run(" MARQUEUR-DEPLACE") + "</w:moveTo>"),
        # Fields: complex (code dropped, result kept), simple, legacy text field.
        para(fld("begin")
             + '<w:r><w:instrText xml:space="preserve"> DOCPROPERTY ANTI-INSTRUCTION '
               "</w:instrText></w:r>"
             + fld("separate") + run("MARQUEUR-CHAMP-RESULTAT") + fld("end")
             + '<w:fldSimple w:instr=" AUTHOR ">' + run(" MARQUEUR-CHAMP-SIMPLE")
             + "</w:fldSimple>"),
        # A field whose result spans paragraphs, as a table of contents does.
        para(fld("begin")
             + '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" ANTI-INSTRUCTION '
               "</w:instrText></w:r>"
             + fld("separate") + run("MARQUEUR-SOMMAIRE-UN")),
        para(run("MARQUEUR-SOMMAIRE-DEUX") + fld("end")),
        para('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Texte1"/>'
             "<w:enabled/><w:textInput/></w:ffData></w:fldChar></w:r>"
             '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
             + fld("separate") + run("MARQUEUR-FORMULAIRE") + fld("end")
             + run(" Pays : ") + legacy_dropdown("")
             + run(" Région : ") + legacy_dropdown("MARQUEUR-DEROULANT-ECRIT")),
        # Inline wrappers.
        para('<w:hyperlink r:id="rIdLien">' + run("MARQUEUR-LIEN") + "</w:hyperlink>"
             + '<w:smartTag w:uri="urn:x" w:element="place">' + run(" MARQUEUR-SMARTTAG")
             + "</w:smartTag>"
             + '<w:customXml w:element="nom">' + run(" MARQUEUR-CUSTOMXML") + "</w:customXml>"
             + run("\u00a0avec tabulation") + "<w:r><w:tab/></w:r>" + run("et trait")
             + "<w:r><w:noBreakHyphen/></w:r>" + run("insécable")),
        # Text boxes: DrawingML with VML fallback (same text), and VML only.
        para(run("Ancre de zone de texte") + textbox_run()),
        para(run("Ancre ancienne") + vml_textbox_run()),
        # Merged cells and content controls around rows and cells.
        table(
            "<w:tr>" + cell(para(run("MARQUEUR-FUSION")), '<w:gridSpan w:val="3"/>') + "</w:tr>"
            + "<w:tr>" + cell(para(run("MARQUEUR-VERTICALE")), '<w:vMerge w:val="restart"/>')
            + cell(para(run("MARQUEUR-TABLEAU")))
            + '<w:sdt><w:sdtPr/><w:sdtContent>' + cell(para(run("MARQUEUR-SDT-CELLULE")))
            + "</w:sdtContent></w:sdt></w:tr>"
            + '<w:sdt><w:sdtPr/><w:sdtContent><w:tr>' + cell(para(""), "<w:vMerge/>")
            + cell(para(run("MARQUEUR-SDT-LIGNE"))) + cell(para(""))
            + "</w:tr></w:sdtContent></w:sdt>", 3),
        para(""),
        # A table nested in a cell.
        table("<w:tr>" + cell(para(run("MARQUEUR-CELLULE-EXTERNE"))
                             + table(f"<w:tr>{cell(para(run('MARQUEUR-IMBRIQUE')))}</w:tr>", 1)
                             + para(""))
              + "</w:tr>", 1),
        # A note reference, then page 2 as Word rendered it (hard break + rendered break).
        para(run("Texte avec note")
             + '<w:r><w:rPr><w:rStyle w:val="Appelnotedebasdep"/></w:rPr>'
               '<w:footnoteReference w:id="1"/></w:r>'
             + '<w:r><w:endnoteReference w:id="1"/></w:r>'
             + '<w:r><w:br w:type="page"/></w:r>'),
        para("<w:r><w:lastRenderedPageBreak/>" + '<w:t>MARQUEUR-PAGE-DEUX</w:t></w:r>'),
        '<w:sectPr><w:headerReference w:type="even" r:id="rIdHeaderEven"/>'
        '<w:headerReference w:type="default" r:id="rIdHeader"/>'
        '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>'
        '<w:footerReference w:type="default" r:id="rIdFooter"/>'
        '<w:footerReference w:type="first" r:id="rIdFooter"/>'
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" '
        'w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/>'
        "<w:titlePg/></w:sectPr>",
    ]
    return f'{XML}<w:document {NS}><w:body>{"".join(parts)}</w:body></w:document>'


def story(root: str, text: str) -> str:
    return f"{XML}<w:{root} {NS}>{para(run(text))}</w:{root}>"


def notes(kind: str, text: str) -> str:
    sep = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
           f"</w:{kind}>"
           f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
           f"<w:continuationSeparator/></w:r></w:p></w:{kind}>"
           f'<w:{kind} w:type="continuationNotice" w:id="2">'
           f'{para(run("ANTI-SEPARATEUR"))}</w:{kind}>')
    ref = "footnoteRef" if kind == "footnote" else "endnoteRef"
    return (f"{XML}<w:{kind}s {NS}>{sep}<w:{kind} w:id=\"1\"><w:p><w:r><w:{ref}/></w:r>"
            f"{run(' ' + text)}</w:p></w:{kind}></w:{kind}s>")


STYLES = (f"{XML}<w:styles {NS}>"
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
          "</w:style>"
          '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/>'
          '<w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr>'
          "</w:style>"
          '<w:style w:type="paragraph" w:styleId="Listepuces"><w:name w:val="List Bullet"/>'
          '<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'
          "</w:style></w:styles>")

NUMBERING = (f"{XML}<w:numbering {NS}><w:abstractNum w:abstractNumId=\"0\">"
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
             '<w:lvlText w:val="•"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')

SETTINGS = f"{XML}<w:settings {NS}><w:evenAndOddHeaders/></w:settings>"


def content_types() -> str:
    overrides = {"/word/document.xml": f"{WML}.document.main+xml",
                 "/word/styles.xml": f"{WML}.styles+xml",
                 "/word/numbering.xml": f"{WML}.numbering+xml",
                 "/word/settings.xml": f"{WML}.settings+xml",
                 "/word/footnotes.xml": f"{WML}.footnotes+xml",
                 "/word/endnotes.xml": f"{WML}.endnotes+xml",
                 "/word/header1.xml": f"{WML}.header+xml",
                 "/word/header2.xml": f"{WML}.header+xml",
                 "/word/header3.xml": f"{WML}.header+xml",
                 "/word/footer1.xml": f"{WML}.footer+xml"}
    items = "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items())
    return (f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f"{items}</Types>")


def relationships(rels: dict[str, tuple[str, str]],
                  external: frozenset[str] = frozenset()) -> str:
    mode = ' TargetMode="External"'
    items = "".join(
        f'<Relationship Id="{rid}" Type="{rtype}" Target="{target}"'
        f'{mode if rid in external else ""}/>'
        for rid, (rtype, target) in rels.items())
    return (f'{XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships">{items}</Relationships>')


def build_trap(path: Path) -> list[str]:
    """Write the trap DOCX to `path`; return the markers that must each come
    back exactly once."""
    doc_rels = {
        "rIdStyles": (f"{REL}/styles", "styles.xml"),
        "rIdNumbering": (f"{REL}/numbering", "numbering.xml"),
        "rIdSettings": (f"{REL}/settings", "settings.xml"),
        "rIdFootnotes": (f"{REL}/footnotes", "footnotes.xml"),
        "rIdEndnotes": (f"{REL}/endnotes", "endnotes.xml"),
        "rIdHeaderFirst": (f"{REL}/header", "header1.xml"),
        "rIdHeader": (f"{REL}/header", "header2.xml"),
        "rIdHeaderEven": (f"{REL}/header", "header3.xml"),
        "rIdFooter": (f"{REL}/footer", "footer1.xml"),
        "rIdLien": (f"{REL}/hyperlink", "https://www.diplomatie.gouv.fr/"),
    }
    parts = {
        "[Content_Types].xml": content_types(),
        "_rels/.rels": relationships({"rId1": (f"{REL}/officeDocument", "word/document.xml")}),
        "word/_rels/document.xml.rels": relationships(doc_rels, frozenset({"rIdLien"})),
        "word/document.xml": body(),
        "word/styles.xml": STYLES,
        "word/numbering.xml": NUMBERING,
        "word/settings.xml": SETTINGS,
        "word/footnotes.xml": notes("footnote", "MARQUEUR-NOTE"),
        "word/endnotes.xml": notes("endnote", "MARQUEUR-FIN-NOTE"),
        "word/header1.xml": story("hdr", "MARQUEUR-ENTETE-PREMIERE"),
        "word/header2.xml": story("hdr", "MARQUEUR-ENTETE-DEFAUT"),
        "word/header3.xml": story("hdr", "MARQUEUR-ENTETE-PAIRE"),
        "word/footer1.xml": story("ftr", "MARQUEUR-PIED"),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts.items():
            # Fixed timestamps: the committed file is reproducible.
            zf.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), xml.encode("utf-8"),
                        compress_type=zipfile.ZIP_DEFLATED)
    return list(MARKERS)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("docx-trap.docx")
    print(f"{out}: {len(build_trap(out))} marqueurs")
