"""People tables drawn without lines, found from their header."""
from __future__ import annotations

from extractors.pdf_layout import Line, Para, Word
from extractors.unruled_tables import find_unruled_tables

H = 10.0   # line height


def line(y: float, *cells: tuple[float, str]) -> Line:
    """A line of words; each cell (x, text) spreads its words from x."""
    words = []
    for x, text in cells:
        for token in text.split():
            width = 6.0 * len(token)
            words.append(Word(token, x, y, x + width, y + H))
            x += width + 3.0
    return Line(words, words[0].x0, y, max(w.x1 for w in words), y + H)


COLUMNS = (50, 160, 260, 420)


def row(y: float, *texts: str) -> Line:
    return line(y, *[(x, t) for x, t in zip(COLUMNS, texts) if t])


def test_a_header_then_rows_with_a_wrapped_cell_make_a_table():
    paras = [
        Para(1, [line(0, (50, "La Ville pourra mobiliser les experts suivants :"))]),
        Para(1, [row(20, "Nom", "Prénom", "Fonction", "Qualifications"),
                 row(35, "Santos", "René", "Juriste", ""),
                 row(48, "", "", "(association)", ""),
                 row(65, "Bertin-Mourot", "Jacques", "Directeur", "25 ans d'expérience"),
                 row(78, "", "", "", "dont 2 à l'international"),
                 line(100, (52, "V."), (70, "Engagements"))]),
        Para(1, [line(115, (50, "La Ville sollicite le label et accepte de travailler avec le ministère."))]),
    ]
    out = find_unruled_tables(paras)
    tables = [p.table for p in out if p.table]
    assert len(tables) == 1
    assert tables[0].rows == [
        ["Nom", "Prénom", "Fonction", "Qualifications"],
        ["Santos", "René", "Juriste (association)", ""],
        ["Bertin-Mourot", "Jacques", "Directeur", "25 ans d'expérience dont 2 à l'international"],
    ]
    texts = [p.text for p in out if not p.table]
    assert texts[0].startswith("La Ville pourra") and texts[1] == "V. Engagements"
    assert texts[2].startswith("La Ville sollicite")
    assert [type(p.table).__name__ if p.table else "text" for p in out] == \
        ["text", "TableBox", "text", "text"]


def test_prose_with_column_words_is_not_a_table():
    paras = [Para(1, [line(0, (50, "Le nom et la fonction de chaque expert sont indiqués")),
                      line(15, (50, "ci-dessous, avec leurs qualifications particulières.")),
                      line(30, (50, "Santos René, juriste."))])]
    assert find_unruled_tables(paras) == paras


def test_a_header_of_close_words_or_without_people_is_not_a_table():
    close = [Para(1, [line(0, (50, "Nom Prénom Fonction Qualifications")),
                      row(15, "Santos", "René", "Juriste", "Droit"),
                      row(30, "Roy", "Anne", "Ingénieure", "Eau")])]
    assert not any(p.table for p in find_unruled_tables(close))
    budget = [Para(1, [row(0, "Poste", "Fonction", "Service", "Montant"),
                       row(15, "Études", "Conseil", "Voirie", "1 000"),
                       row(30, "Travaux", "Chantier", "Eau", "2 000")])]
    assert not any(p.table for p in find_unruled_tables(budget))


def test_one_row_is_enough_when_it_fills_a_name_and_another_cell():
    """A team of one expert is a table of one row; a name alone under the
    header is not one (the text after a header)."""
    after = line(40, (50, "Le Maire de la commune, qui a signé la présente lettre, atteste."))
    paras = [Para(1, [row(0, "Nom", "Prénom", "Fonction", "Qualifications"),
                      row(15, "Santos", "René", "Juriste", "Droit"), after])]
    out = find_unruled_tables(paras)
    assert [p.table.rows if p.table else p.text for p in out] == [
        [["Nom", "Prénom", "Fonction", "Qualifications"], ["Santos", "René", "Juriste", "Droit"]], after.text]
    alone = [Para(1, [row(0, "Nom", "Prénom", "Fonction", "Qualifications"), row(15, "Santos"), after])]
    assert not any(p.table for p in find_unruled_tables(alone))


def test_an_enumerated_line_ends_the_table_and_keeps_its_marker():
    paras = [Para(1, [row(0, "Nom", "Prénom", "Fonction", "Qualifications"),
                      row(15, "Santos", "René", "Juriste", "Droit"),
                      row(30, "Roy", "Anne", "Ingénieure", "Eau"),
                      line(50, (50, "5."), (66, "Engagements de la collectivité"))])]
    out = find_unruled_tables(paras)
    assert [len(p.table.rows) if p.table else p.text for p in out] == [3, "5. Engagements de la collectivité"]
    assert out[1].list_marker == "enum"


def test_a_table_carried_from_the_previous_page_goes_on_only_with_rows_that_fit_it():
    from extractors.pdf_layout import TableBox
    carried = TableBox(50, 600, 500, 780, [["Nom", "Prénom", "Fonction", "Qualifications"],
                                           ["Santos", "René", "Juriste", "Droit"]], list(COLUMNS))
    rows = [Para(2, [row(20, "", "", "", "dont 2 à l'international"),
                     row(40, "Roy", "Anne", "Ingénieure", "Eau"),
                     line(70, (52, "V."), (70, "Engagements"))])]
    out = find_unruled_tables(rows, text_layer=True, carried=carried)
    assert out[0].table.rows == [["", "", "", "dont 2 à l'international"], ["Roy", "Anne", "Ingénieure", "Eau"]]
    assert (out[0].table.x0, out[0].table.x1) == (50, 500)
    prose = [Para(2, [line(20, (50, "V. Engagements")),
                      line(40, (50, "La Ville sollicite le label dans la perspective d'une action"))])]
    assert find_unruled_tables(prose, text_layer=True, carried=carried) == prose
