"""Tables drawn without lines: a people table recognised by its header.

A Word table with no borders, printed to PDF or scanned, reaches us as lines
of words: "Nom   Prénom   Fonction   Qualifications", then "Santos   René
Juriste, Centre…", a qualification wrapped on the next line under its own
column.  Without ruling lines the lattice finder sees nothing, and the rows
would be read as prose.  Here the header line gives the columns: it is made
only of column labels, in at least three groups far apart, one of them
naming people (nom, prénom, expert, identité).  The lines below are split at
the header's column starts; a line with text in the first column opens a
row, the others continue the row above (wrapped cells).  The table ends at a
line that does not fit: a word across a column start (prose), an enumerated
or bulleted line, or text left of the first column.

Works on a page's paragraphs before blocks are made; tables are kept only
with at least two rows.  Used on OCR pages, where tesseract reads such a
table as run-on lines, and on text layers, where the exact geometry also
tells rows apart by the space between them (a name or a header cell wrapped
on two lines stays in its row).
"""
from __future__ import annotations

import re
import statistics

from common.text import fold

from .pdf_layout import Line, Para, TableBox, Vocabulary, Word, broken_word, list_marker

ROW_SPACE = 0.5   # on a text layer, rows stand further apart than the wrapped lines of a cell
PEOPLE = {"nom", "noms", "prenom", "prenoms", "expert", "experts", "identite", "intervenant",
          "intervenants", "personne", "personnes"}
LABELS = PEOPLE | {
    "fonction", "fonctions", "qualite", "qualites", "qualification", "qualifications", "organisme",
    "organismes", "structure", "employeur", "experience", "experiences", "competence",
    "competences", "role", "statut", "service", "direction", "domaine", "domaines", "expertise",
    "titre", "poste", "grade", "collectivite", "mission", "missions", "coordonnees", "courriel",
    "telephone", "contact", "observations", "categorie", "profil", "cv", "specialite",
    "specialites", "diplomes", "formation", "parcours", "references", "langues", "elu", "agent",
    "mandat", "age", "annees", "principales", "particulieres", "exercee", "exercees", "actuelle",
    "actuel", "occupee", "professionnelle", "professionnelles", "et", "de", "du", "des", "d", "l",
    "la", "le", "les", "ou", "en", "a", "au", "aux", "par", "n", "no", "/", "-", "&", "(", ")",
}
MIN_GROUPS = 3
MIN_ROWS = 2


def find_unruled_tables(paras: list[Para], text_layer: bool = False,
                        carried: TableBox | None = None) -> list[Para]:
    """The paragraphs of one page, with people tables drawn without lines
    turned into table paragraphs.  On a text layer the words' geometry is
    exact, so a row also needs the space rows leave between them: a name or
    a header wrapped in its cell stays in its row.  `carried`, such a table
    that ended the previous page, may go on at the top of this one without
    its header: the lines that fit its columns there are its rows (a table
    without a header row, to be joined to it)."""
    flat = [(i, ln) for i, p in enumerate(paras) if not p.table and p.source == "body"
            for ln in p.lines]
    taken: dict[int, tuple[int, int, TableBox]] = {}   # first line index → (para, end, table)
    vocab = Vocabulary(lambda: [ln for _, ln in flat]) if text_layer else None
    k = 0
    if carried is not None and carried.columns and flat and not any(p.table for p in paras[:flat[0][0]]) \
            and _aligned(flat[0][1], carried.columns):
        rows, end = _rows(flat, 0, carried.columns, carried.x1, text_layer)
        if rows and sum(bool(c) for row in rows for c in row) >= 2 and any(_full_row(r) for r in rows):
            lines = [ln for _, ln in flat[:end]]
            box = TableBox(carried.x0, min(ln.top for ln in lines), carried.x1,
                           max(ln.bottom for ln in lines), _texts(rows, text_layer, vocab), carried.columns)
            taken[0] = (flat[0][0], end, box)
            k = end
    while k < len(flat):
        start = k
        head = flat[k][1]
        if k and _header_more(flat[k - 1][1], head, columns=None, below=True):
            # a header cell set on two lines, the others centred between them
            # ("Qualifications" / "Expert Fonction Organisme" / "particulières")
            above = flat[k - 1][1]
            head = Line(sorted(above.words + head.words, key=lambda w: w.x0), min(above.x0, head.x0),
                        above.top, max(above.x1, head.x1), head.bottom)
            start = k - 1
        columns = _header_columns(head, flat[k + 1][1] if k + 1 < len(flat) else None)
        if columns is None:
            k += 1
            continue
        header = _split(head, columns)
        first = k + 1
        while first < len(flat) and _header_more(flat[first][1], flat[first - 1][1], columns, head=head):
            for cell, more in zip(header, _split(flat[first][1], columns)):   # "Qualifications / particulières"
                cell.extend(more)
            first += 1
        rows, end = _rows(flat, first, columns, max(ln.x1 for _, ln in flat[start:first]), text_layer)
        if len(rows) >= MIN_ROWS or (rows and _full_row(rows[0])):
            lines = [ln for _, ln in flat[start:end]]
            box = TableBox(min(ln.x0 for ln in lines), min(ln.top for ln in lines),
                           max(ln.x1 for ln in lines), max(ln.bottom for ln in lines),
                           _texts([header] + rows, text_layer, vocab), columns)
            taken[start] = (flat[start][0], end, box)
            k = end
        else:
            k += 1
    if not taken:
        return paras
    return _rebuild(paras, flat, taken)


def _fold(word: str) -> str:
    return re.sub(r"[^\w/&()-]", "", fold(word))


def _height(line: Line) -> float:
    heights = [w.bottom - w.top for w in line.words if w.bottom > w.top]
    return statistics.median(heights) if heights else max(line.bottom - line.top, 1.0)


def _header_columns(line: Line, below: Line | None = None) -> list[float] | None:
    """Where the columns start, if this line is a people table's header (a
    label broken in a narrow column, 'Qualificati' / 'ons', is completed
    from the line `below`)."""
    words = line.words
    if not 3 <= len(words) <= 16:
        return None
    folded = [_fold(w.text) for w in words]
    if not all(f in LABELS or _completed(w, below) for f, w in zip(folded, words) if f):
        return None
    gap = _height(line)
    starts, groups = [words[0].x0], [[folded[0]]]
    for prev, w, f in zip(words, words[1:], folded[1:]):
        if w.x0 - prev.x1 > gap:
            starts.append(w.x0)
            groups.append([])
        groups[-1].append(f)
    if len(starts) < MIN_GROUPS or not any(set(g) & PEOPLE for g in groups):
        return None
    return starts


def _completed(word: Word, below: Line | None) -> bool:
    """Is `word` the start of a label whose end is the word right under it
    (a word too long for its column, broken without a hyphen)?"""
    if below is None or below.top - word.bottom > _height(below):
        return False
    tolerance = _height(below) / 2
    return any(abs(w.x0 - word.x0) <= tolerance and _fold(word.text + w.text) in LABELS
               for w in below.words)


def _completes(word: Word, above: list[Word]) -> bool:
    """Does `word` end a label begun by a word right above it?"""
    tolerance = max(word.bottom - word.top, 1.0) / 2
    return any(abs(a.x0 - word.x0) <= tolerance and word.top >= a.bottom - tolerance
               and _fold(a.text + word.text) in LABELS and _fold(a.text) not in LABELS for a in above)


def _column(x0: float, columns: list[float], tolerance: float) -> int:
    index = 0
    for i, start in enumerate(columns):
        if x0 + tolerance >= start:
            index = i
    return index


def _split(line: Line, columns: list[float]) -> list[list[Word]]:
    tolerance = _height(line)
    cells: list[list[Word]] = [[] for _ in columns]
    for w in line.words:
        cells[_column(w.x0, columns, tolerance)].append(w)
    return cells


def _fits(line: Line, columns: list[float]) -> bool:
    """No word runs across a column start, nothing left of the first column,
    and not a bulleted or enumerated line."""
    tolerance = _height(line)
    if line.x0 < columns[0] - 2 * tolerance or list_marker(line):
        return False
    return not any(w.x0 < start - tolerance and w.x1 > start + tolerance
                   for w in line.words for start in columns[1:])


def _header_more(line: Line, other: Line, columns: list[float] | None, below: bool = False,
                 head: Line | None = None) -> bool:
    """A line of column labels only, right under the header (or, `below`,
    right above it): a header cell wrapped on two lines, or the end of a
    label broken in its column (completing a word of `head`)."""
    words = [_fold(w.text) for w in line.words]
    gap = other.top - line.bottom if below else line.top - other.bottom
    return (bool(words) and len(words) <= 3
            and all(f in LABELS or (head is not None and _completes(w, head.words))
                    for f, w in zip(words, line.words) if f)
            and (columns is None or _fits(line, columns)) and gap < _height(other))


def _aligned(line: Line, columns: list[float]) -> bool:
    """Does `line` read as a row of a table with these columns: text in a
    column other than the first, each cell's first word where its column
    starts (prose at the top of a page runs across them)?"""
    cells = _split(line, columns)
    tolerance = 0.5 * _height(line)
    return any(cells[1:]) and all(abs(cell[0].x0 - start) <= tolerance
                                  for cell, start in zip(cells, columns) if cell)


def _follows(line: Line, above: Line, right: float) -> bool:
    """Does `line` go on with the table whose last line is `above` and
    right edge `right`: below it (not the top of the next column or frame,
    read after this one), less than three lines further, and not wholly
    right of the table (the text of another column)?"""
    height = _height(above)
    return (above.top + 0.5 * height <= line.top <= above.bottom + 3 * height
            and line.x0 <= right + 2 * height)


def _heading_like(line: Line, above: Line) -> bool:
    """A line in the first column only, set apart as a title is: bold under
    plain rows, or larger."""
    return (line.bold and not above.bold) or line.size - above.size > 0.8


def _full_row(cells: list[list[Word]]) -> bool:
    """A lone row is a table's if it fills its first cell and another one."""
    return bool(cells[0]) and sum(bool(c) for c in cells[1:]) >= 1


def _rows(flat: list[tuple[int, Line]], k: int, columns: list[float], right: float,
          text_layer: bool = False) -> tuple[list[list[list[Word]]], int]:
    """The rows under a header from flat[k] (each cell its words, line after
    line), and the index after the last line taken."""
    rows: list[list[list[Word]]] = []
    ends: list[int] = []   # index after each row's last line
    first = k
    while k < len(flat) and _fits(flat[k][1], columns) and (k == first or _follows(flat[k][1], flat[k - 1][1], right)):
        cells = _split(flat[k][1], columns)
        line, above = flat[k][1], flat[k - 1][1]
        if k != first and not any(cells[1:]) and _heading_like(line, above):
            break   # "V. Nos engagements" under the last row: the next section
        spaced = not text_layer or k == first or line.top - above.bottom > ROW_SPACE * _height(line)
        if (cells[0] and spaced) or not rows:
            rows.append(cells)
            ends.append(k + 1)
        else:   # a wrapped cell: the row above goes on
            for cell, more in zip(rows[-1], cells):
                cell.extend(more)
            ends[-1] = k + 1
        right = max(right, line.x1)
        k += 1
    # a last "row" with nothing but its first cell is the text after the table
    while rows and not any(rows[-1][1:]):
        rows.pop()
        ends.pop()
    end = ends[-1] if ends else k
    return rows, end


def _texts(rows: list[list[list[Word]]], text_layer: bool, vocab: Vocabulary | None = None) -> list[list[str]]:
    """The cells' texts.  On a text layer, a word too long for its column
    and broken without a hyphen ('KERGAR' / 'IOU', 'développem' / 'ent')
    is mended: its first part reaches the column's right edge, and both
    parts together are wider than the column, so that no line could have
    held the word whole (two words wrapped normally each fit)."""
    n = max(len(r) for r in rows)
    right = [max((w.x1 for r in rows if j < len(r) for w in r[j]), default=0.0) for j in range(n)]
    left = [min((w.x0 for r in rows if j < len(r) for w in r[j]), default=0.0) for j in range(n)]
    out = []
    for i, r in enumerate(rows):
        texts = []
        for j, cell in enumerate(r):
            text = ""
            for prev, w in zip([None] + cell, cell):
                if prev is None:
                    text = w.text
                elif (i == 0 and _completes(w, [prev])) or (text_layer and broken_word(prev, w, left[j], right[j], vocab)):
                    text += w.text
                elif prev.text[-1:] == "-" and prev.text[-2:-1].isalpha() and w.text[:1].isalpha() \
                        and w.top >= prev.bottom - 0.3 * (prev.bottom - prev.top):
                    text += w.text   # a compound wrapped at its hyphen: 'architecte-' / 'urbaniste'

                else:
                    text += " " + w.text
            texts.append(text)
        out.append(texts)
    return out


def _rebuild(paras: list[Para], flat: list[tuple[int, Line]],
             taken: dict[int, tuple[int, int, TableBox]]) -> list[Para]:
    """Paragraphs again, with the tables' lines out of their paragraphs and
    each table where its header was."""
    in_table: dict[int, TableBox | None] = {}
    for start, (_, end, box) in taken.items():
        for j in range(start, end):
            in_table[id(flat[j][1])] = box if j == start else None
    out: list[Para] = []
    for p in paras:
        if p.table or p.source != "body" or not any(id(ln) in in_table for ln in p.lines):
            out.append(p)
            continue
        current: list[Line] = []
        marker = p.list_marker
        for ln in p.lines:
            if id(ln) not in in_table:
                if current and list_marker(ln) and marker is None:   # "V. Engagements" after a table
                    out.append(Para(p.page, current))
                    current = []
                if not current and marker is None:
                    marker = list_marker(ln)
                current.append(ln)
                continue
            if current:
                out.append(Para(p.page, current, list_marker=marker))
                current = []
            marker = None
            box = in_table[id(ln)]
            if box is not None:
                out.append(Para(p.page, table=box))
        if current:
            out.append(Para(p.page, current, list_marker=marker))
    return out
