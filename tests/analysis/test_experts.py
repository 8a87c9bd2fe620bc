"""Experts as dossiers present them: tables, lists, prose, forms, CVs —
and the people who are not experts."""
from __future__ import annotations

from analysis.experts import categorise, find_experts, parse_apposition
from analysis.people import find_people
from extractors.model import Block, Piece, Submission

APPLICANT = "Ville de Montreuil"


def submission(*pieces: tuple[str, list[Block]]) -> Submission:
    built = []
    for name, blocks in pieces:
        piece = Piece(file=name, format="docx")
        for block in blocks:
            piece.add(block)
        built.append(piece)
    return Submission("dossier", "0" * 64, built)


def by_name(sub: Submission) -> dict:
    return {e.name.full: e for e in find_experts(sub, APPLICANT)}


LETTER_HEAD = [
    Block("paragraph", "VILLE DE MONTREUIL"),
    Block("paragraph", "Objet : candidature au label EXPE-CT"),
    Block("paragraph", "Monsieur le Délégué, j'ai l'honneur de solliciter le label EXPE-CT."),
]
SIGNATURE = [
    Block("paragraph", "Dossier suivi à la DAECT par Mme Anne-Marie REINGOLD, chargée de mission."),
    Block("paragraph", "Comme le souligne le rapport de M. Olivier Dubois (2019), la ville est pionnière."),
    Block("paragraph", "Fait à Montreuil, le 3 mars 2025"),
    Block("paragraph", "Le Maire,\nPatrice BESSAC"),
]


def test_table_with_separate_name_columns():
    experts = by_name(submission(("formulaire.docx", LETTER_HEAD + [
        Block("heading", "Équipe proposée", level=1),
        Block("table", "", rows=[["Nom", "Prénom", "Fonction", "Qualifications"],
                                 ["MARTIN", "Claire", "Directrice des espaces verts", "Ingénieure paysagiste, 15 ans d'expérience"],
                                 ["N'DIAYE", "Moussa", "Adjoint au maire chargé de l'environnement", ""],
                                 ["ROUSSEL", "Hélène", "Chercheuse au CNRS, laboratoire LIENSs", "Docteure en écologie"]]),
    ] + SIGNATURE)))
    assert set(experts) == {"Claire Martin", "Moussa N'Diaye", "Hélène Roussel"}
    assert experts["Claire Martin"].category == "agent"
    assert experts["Claire Martin"].organisation == APPLICANT
    assert experts["Moussa N'Diaye"].category == "elu"
    assert experts["Moussa N'Diaye"].qualifications is None
    assert experts["Hélène Roussel"].category == "partenaire"


def test_list_under_heading_with_appositions_and_function_first():
    experts = by_name(submission(("lettre.pdf", LETTER_HEAD + [
        Block("heading", "3. Les experts mobilisables", level=2),
        Block("list_item", "Mme Claire Martin, directrice des espaces verts, ingénieure paysagiste "
                           "forte de 15 ans d'expérience"),
        Block("list_item", "DUPONT Marie – conseillère municipale déléguée à la nature en ville"),
        Block("list_item", "Responsable du service propreté : M. Karim BENALI (BTS gestion de l'eau, 12 ans d'ancienneté)"),
        Block("heading", "4. Engagements", level=2),
    ] + SIGNATURE)))
    assert set(experts) == {"Claire Martin", "Marie Dupont", "Karim Benali"}
    assert experts["Claire Martin"].function == "Directrice des espaces verts"
    assert "15 ans" in experts["Claire Martin"].qualifications
    assert experts["Marie Dupont"].category == "elu"
    assert experts["Karim Benali"].function.lower().startswith("responsable du service propreté")


def test_prose_proposal_and_exclusions():
    experts = by_name(submission(("lettre.docx", LETTER_HEAD + [
        Block("paragraph", "Pour conduire ces missions, la Ville mobilisera Mme Sophie Lambert, cheffe du "
                           "service de l'eau, titulaire d'un master en hydrologie, ainsi que M. Thomas Girard, "
                           "directeur général adjoint, ancien consultant de l'AFD."),
    ] + SIGNATURE)))
    assert set(experts) == {"Sophie Lambert", "Thomas Girard"}
    assert "master" in experts["Sophie Lambert"].qualifications.lower()
    assert "Patrice Bessac" not in experts and "Anne-Marie Reingold" not in experts


def test_cv_piece_gives_the_same_expert_its_qualifications():
    experts = by_name(submission(
        ("lettre.pdf", LETTER_HEAD + [
            Block("paragraph", "Les experts proposés sont les suivants :"),
            Block("list_item", "M. Julien FAURE, chef de projet renouvellement urbain"),
        ] + SIGNATURE),
        ("cv-julien-faure.docx", [
            Block("heading", "Julien FAURE", level=1),
            Block("paragraph", "Chef de projet renouvellement urbain, Ville de Montreuil"),
            Block("heading", "Formation", level=2),
            Block("list_item", "2008 : Master urbanisme et aménagement, Université Paris 8"),
            Block("heading", "Expérience professionnelle", level=2),
            Block("list_item", "Depuis 2015 : chef de projet renouvellement urbain, Ville de Montreuil"),
        ])))
    assert list(experts) == ["Julien Faure"]
    assert "Master urbanisme" in experts["Julien Faure"].qualifications


def test_private_consultant_is_autre():
    experts = by_name(submission(("formulaire.docx", LETTER_HEAD + [
        Block("table", "", rows=[["Nom et prénom", "Fonction / service", "Expérience"],
                                 ["Mme Léa FONTAINE", "Consultante, cabinet Territoires Conseil SARL", "20 ans de conseil"]]),
    ])))
    assert experts["Léa Fontaine"].category == "autre"


def test_form_fields_one_expert_per_name_field():
    experts = by_name(submission(("formulaire.docx", LETTER_HEAD + [
        Block("heading", "Expert n° 1", level=2),
        Block("table", "", rows=[["Nom :", "GARNIER"], ["Prénom :", "Luc"],
                                 ["Fonction :", "Directeur du patrimoine"],
                                 ["Qualifications :", "Conservateur du patrimoine, diplômé de l'INP"]]),
        Block("heading", "Expert n° 2", level=2),
        Block("table", "", rows=[["Nom :", "BERTIN"], ["Prénom :", "Chloé"], ["Fonction :", ""],
                                 ["Qualifications :", ""]]),
    ])))
    assert set(experts) == {"Luc Garnier", "Chloé Bertin"}
    assert experts["Luc Garnier"].function == "Directeur du patrimoine"
    assert experts["Chloé Bertin"].function is None


def test_a_body_named_by_its_legal_form_is_the_organisation():
    sub = submission(("candidature.docx", LETTER_HEAD + [
        Block("heading", "Experts proposés", level=2),
        Block("list_item", "Mme Anne-Laure LACROIX, chargée de mission, Mission opérationnelle "
                           "transfrontalière (association) – docteure en géographie des frontières"),
        Block("list_item", "M. Paul ROY, chargé de projets numériques, Comité régional du tourisme"),
        Block("list_item", "Mme Lise MOREL, directrice des affaires européennes (Ville de Montreuil)"),
    ] + SIGNATURE))
    experts = by_name(sub)
    lacroix = experts["Anne-Laure Lacroix"]
    assert (lacroix.function, lacroix.organisation, lacroix.category) == \
        ("Chargée de mission", "Mission opérationnelle transfrontalière (association)", "partenaire")
    assert experts["Paul Roy"].category == "partenaire"
    assert experts["Lise Morel"].category == "agent"


def test_staff_of_an_applicant_that_is_no_collectivite():
    blocks = [Block("heading", "Experts proposés", level=2),
              Block("list_item", "M. Yves DUFOUR, chargé de programmes eau et assainissement"),
              Block("list_item", "Mme Anne ROY, directrice des opérations")]
    ngo = find_experts(submission(("dossier.docx", blocks)), "Solidarité Eau Sans Frontières", "autre")
    assert {e.name.full: e.category for e in ngo} == {"Yves Dufour": "partenaire", "Anne Roy": "partenaire"}
    firm = find_experts(submission(("dossier.docx", blocks)), "Cabinet Territoires & Coopération Conseil",
                        "autre")
    assert {e.category for e in firm} == {"autre"}


def test_a_list_entry_and_a_cv_say_each_qualification_once():
    from analysis.experts import _merged_parts

    entry = "Élu depuis 2008, ancien ingénieur ; 12 missions"
    cv = "Élu depuis 2008, ancien ingénieur ; – 2009 : Master en géomatique"
    assert _merged_parts(entry, cv) == "Élu depuis 2008, ancien ingénieur ; 12 missions ; 2009 : Master en géomatique"


def test_the_president_of_the_applicant_is_an_elected_official():
    from analysis.experts import categorise

    assert categorise("Président, Brest métropole", None, applicant="Brest métropole") == "elu"
    assert categorise("Présidente", "Brest métropole", applicant="Brest métropole") == "elu"
    assert categorise("Président", "Comité régional du tourisme", applicant="Brest métropole") == "partenaire"


def test_a_second_office_goes_with_the_first_and_can_make_the_expert_private():
    function, organisation, qualifications = parse_apposition(
        ", hydrologue, gérant du bureau d'études Hydrog Études (SARL), qui accompagne le syndicat "
        "depuis 2015. Docteur en hydrologie.")
    assert function == "Hydrologue, gérant du bureau d'études Hydrog Études (SARL)"
    assert categorise(function, organisation) == "autre"
    assert "Docteur en hydrologie" in qualifications
    # the sentence after the office is the record, not another office
    assert parse_apposition(", directeur du syndicat. Ingénieur hydrobiologiste (AgroParisTech).")[0] == \
        "Directeur du syndicat"


def test_a_person_said_to_take_no_part_in_missions_is_no_expert():
    experts = by_name(submission(("dossier.docx", LETTER_HEAD + [
        Block("heading", "L'équipe permanente", level=2),
        Block("paragraph", "Une déléguée générale, Mme Justine ARNOULT, et quatre chargés de mission. L'équipe "
                           "assure le secrétariat des instances ; elle ne participe pas aux missions d'expertise."),
        Block("heading", "Les experts proposés", level=2),
        Block("list_item", "Mme Claire Martin, directrice des espaces verts, ingénieure paysagiste"),
    ] + SIGNATURE)))
    assert set(experts) == {"Claire Martin"}


def test_the_role_a_deliberation_designates_is_no_function():
    assert parse_apposition(" comme experts ; AUTORISE le maire à signer") == (None, None, None)
    assert parse_apposition(", en qualité d'experte, directrice des sports")[0] == "Directrice des sports"
    # the category a form states in brackets is no second office
    assert parse_apposition(" – Adjoint au maire chargé de la propreté (élu). Qualifications : "
                            "ancien éducateur")[0] == "Adjoint au maire chargé de la propreté"


def test_a_surname_in_capitals_then_an_unlisted_given_name_set_off_by_a_dash_and_a_function():
    assert [m.name.full for m in find_people("Expert 2 : BRAVANT Tilio – Adjoint au maire chargé des sports")] \
        == ["Tilio Bravant"]
    assert find_people("Mission EXPE-CT – Rapport de synthèse") == []


def test_a_form_field_left_empty_does_not_take_the_next_field():
    sub = submission(("dossier.pdf", [
        Block("heading", "Expert nº 2", level=3),
        Block("paragraph", "Civilité Monsieur"), Block("paragraph", "Nom BARRÈRE"),
        Block("paragraph", "Prénom Julien"), Block("paragraph", "Fonction"),
        Block("paragraph", "Employeur Département du Gers"),
        Block("paragraph", "Qualifications BTS Diététique ; 11 ans d'expérience")]))
    [expert] = find_experts(sub, "Département du Gers")
    assert (expert.name.full, expert.function) == ("Julien Barrère", None)


def test_where_a_degree_was_obtained_is_not_the_employer():
    function, organisation, qualifications = parse_apposition(
        ", responsable du projet alimentaire territorial. Ingénieur agronome (Institut Agro Rennes-Angers), "
        "il a travaillé cinq ans dans une ONG.")
    assert (function, organisation) == ("Responsable du projet alimentaire territorial", None)
    assert "Institut Agro" in qualifications


def test_the_staff_of_a_company_applicant_are_private():
    sub = submission(("demande.docx", [
        Block("heading", "Experts proposés", level=2),
        Block("list_item", "M. Patrick LESTRADE, directeur général de la SEM Garonne Développement"),
        Block("list_item", "Mme Inès BENALI, cheffe de projet renouvellement urbain")]))
    experts = find_experts(sub, "SEM Garonne Développement – société anonyme d'économie mixte locale", "autre")
    assert {e.name.full: e.category for e in experts} == {"Patrick Lestrade": "autre", "Inès Benali": "autre"}


def test_a_stray_hyphen_left_by_ocr_ends_a_name():
    assert [m.name.full for m in find_people("Geneviève Roussel-Kanté-: Présidente")] == ["Geneviève Roussel-Kanté"]
    assert [m.name.full for m in find_people("La Vice-présidente Marie Dupont")] == ["Marie Dupont"]
    # a word cut at a line's end in a table cell is no name word ("Enseignante-" / "chercheuse")
    assert [m.name.full for m in find_people("Barbier Isabelle Enseignante- Titulaire d'un")] == ["Isabelle Barbier"]


def test_the_form_says_the_function_more_surely_than_running_text():
    sub = submission(("dossier.pdf", [
        Block("paragraph", "Référent politique du réseau pour les missions : LE BRIS Gwenaël."),
        Block("heading", "Expert nº 1", level=3),
        Block("paragraph", "Nom LE BRIS"), Block("paragraph", "Prénom Gwenaël"),
        Block("paragraph", "Fonction Maire de Landéda"),
        Block("paragraph", "Qualifications Ancien officier de marine marchande")]))
    [expert] = find_experts(sub, "Commune de Landéda")
    assert (expert.name.full, expert.function, expert.category) == ("Gwenaël Le Bris", "Maire de Landéda", "elu")


def test_rows_of_a_table_read_as_lines_are_not_read_whole():
    """Under a header row given as text, a person's line may lack a function
    that sits on another line: not read whole, so the check asks a person."""
    sub = submission(("dossier.pdf", [
        Block("heading", "IV. Personnes ressources", level=2),
        Block("paragraph", "Identité Fonction et employeur Diplômes et expérience"),
        Block("paragraph", "Mme Marie-Pierre PERRIN 6 ans d'expérience dans la"),
        Block("paragraph", "Centre international du vitrail restauration et la valorisation")]))
    [expert] = find_experts(sub, "Mairie de Saint-Nazaire")
    assert expert.name.full == "Marie-Pierre Perrin" and not expert.read_whole


def test_a_clause_after_the_name_is_no_function_and_a_cv_fills_it():
    assert parse_apposition(" ; son curriculum vitae est joint au présent dossier.")[0] is None
    sub = submission(
        ("dossier.docx", [Block("heading", "IV. Personnes ressources", level=1),
                          Block("paragraph", "L'expert mobilisable est Mme Marie-Pierre Perrin ; son curriculum "
                                             "vitae est joint au présent dossier.")]),
        ("CV/cv-perrin.docx", [Block("paragraph", "CURRICULUM VITÆ"), Block("paragraph", "Marie-Pierre PERRIN"),
                               Block("heading", "Expérience professionnelle", level=2),
                               Block("paragraph", "Depuis 2012 : Maître verrière, formatrice, Centre international du "
                                                  "vitrail"),
                               Block("heading", "Formation", level=2),
                               Block("paragraph", "CAP de vitrailliste")]))
    [expert] = find_experts(sub, "Mairie de Saint-Nazaire", "commune")
    assert expert.function.startswith("Maître verrière")


def test_a_capitalised_office_then_another_is_the_function_but_a_civility_is_not():
    assert parse_apposition(", Maître verrière, formatrice, Centre international du vitrail (association) "
                            "(6 ans d'expérience)")[:2] == ("Maître verrière, formatrice",
                                                            "Centre international du vitrail (association)")
    assert parse_apposition(" (Mme) – Responsable du pôle numérique (CV joint).")[0] == "Responsable du pôle numérique"


def test_a_form_label_set_bold_is_no_section_title_and_its_answer_may_wrap():
    sub = submission(("export.pdf", [
        Block("heading", "3 · Les experts", level=2), Block("heading", "Expert nº 2", level=3),
        Block("paragraph", "Nom QUÉRÉ"), Block("paragraph", "Prénom Perrine"),
        Block("heading", "Fonction", level=3),
        Block("paragraph", "Employeur Département de la Corrèze"),
        Block("paragraph", "Qualifications 21 ans d'expérience dans l'action sociale, dont 5 à"),
        Block("paragraph", "l'international")]))
    [expert] = find_experts(sub, "Département de la Corrèze")
    assert (expert.function, expert.qualifications) == (
        None, "21 ans d'expérience dans l'action sociale, dont 5 à l'international")


def test_a_deliberation_designates_its_experts_and_its_rapporteur_is_not_one():
    sub = submission(("deliberation.pdf", [
        Block("paragraph", "Rapporteure : Mme Morgane THOMAS, conseillère municipale déléguée aux relations "
                           "internationales"),
        Block("paragraph", "DÉSIGNE Mme Coralie Fouquet, directrice des systèmes d'information, et Mme Françoise "
                           "Cazenave, adjointe au maire déléguée au numérique, comme experts de la Ville pour les "
                           "missions EXPE-CT ;")]))
    experts = {e.name.full: e for e in find_experts(sub, "Ville de Saint-Brieuc")}
    assert set(experts) == {"Coralie Fouquet", "Françoise Cazenave"}
    assert experts["Françoise Cazenave"].qualifications is None


def test_a_sentence_opening_with_a_number_ends_the_function():
    assert parse_apposition(", chargé de mission prévention des déchets. 19 ans d'expérience dans la collecte, "
                            "dont 6 à l'international.")[0] == "Chargé de mission prévention des déchets"


def test_an_entry_read_by_ocr_is_never_read_whole():
    piece = Piece(file="scan.pdf", format="pdf", ocr=True)
    for block in [Block("heading", "Experts proposés", level=2),
                  Block("list_item", "M. Alain d'ARCY, chef de la police municipale")]:
        piece.add(block)
    [expert] = find_experts(Submission("scan.pdf", "0" * 64, [piece]), "Ville de Sète")
    assert expert.qualifications is None and not expert.read_whole


def test_the_function_before_the_name_wins_over_a_record_or_a_verb_after_it():
    experts = by_name(submission(("lettre.pdf", LETTER_HEAD + [
        Block("heading", "IV. Personnes ressources", level=2),
        Block("paragraph", "Notre directeur du tourisme, M. Nabil de Kergariou, interviendra en qualité d'expert."),
        Block("paragraph", "Notre directrice des espaces verts, Mme Martine Faure, titulaire du diplôme "
                           "d'architecte-urbaniste, sera mobilisée sur les missions."),
        Block("heading", "V. Nos engagements", level=2)] + SIGNATURE)))
    assert experts["Nabil de Kergariou"].function == "Directeur du tourisme"
    assert experts["Martine Faure"].function == "Directrice des espaces verts"
    assert experts["Martine Faure"].qualifications.startswith("Titulaire du diplôme d'architecte-urbaniste")


def test_a_table_ends_at_the_next_numbered_section_run_into_it():
    sub = submission(("dossier.pdf", [
        Block("heading", "IV. Équipe", level=2),
        Block("table", "", page=1, rows=[["Nom et prénom", "Fonction / service", "Expérience"],
                                         ["SAÏDI Margaux", "Architecte du patrimoine", "9 ans d'expérience"],
                                         ["V. Nos engagements", "", ""],
                                         ["La Région sollicite le label", "dans la perspective", "internationale et"]])]))
    assert [e.name.full for e in find_experts(sub, "Région Sud")] == ["Margaux Saïdi"]


def test_a_header_line_of_column_names_is_not_a_form_row():
    sub = submission(("dossier.pdf", [
        Block("heading", "Équipe", level=2),
        Block("paragraph", "La Région pourra mobiliser les experts suivants :"),
        Block("paragraph", "Nom et prénom Fonction / service"),
        Block("paragraph", "SELLIER Stéphane Conseiller régional délégué à la"),
        Block("paragraph", "transition énergétique"),
        Block("paragraph", "Expérience")]))
    [expert] = find_experts(sub, "Région Hauts-de-France")
    assert expert.name.full == "Stéphane Sellier" and not expert.read_whole


def test_an_office_after_a_surname_in_capitals_ends_the_name():
    assert [m.name.full for m in find_people("Mme Coralie d'AUBIGNY Juriste, Centre d'information")] == \
        ["Coralie d'Aubigny"]
    assert [m.name.full for m in find_people("Marie Pilote, directrice")] == ["Marie Pilote"]


def test_a_numbered_title_with_two_cells_still_ends_the_table():
    sub = submission(("scan.pdf", [
        Block("heading", "D. Experts", level=2),
        Block("table", "", page=1, rows=[["Identité", "Fonction et employeur", "Diplômes et expérience"],
                                         ["Mme Catherine KESSLER", "Adjointe au maire", "5 missions à l'étranger"],
                                         ["E. Engagements de la", "collectivité", ""],
                                         ["Dans la perspective d'une", "action internationale", "l'Association"]])]))
    assert [e.name.full for e in find_experts(sub, "Ville de Sète")] == ["Catherine Kessler"]


def test_a_name_field_holding_a_whole_row_gives_its_apposition():
    sub = submission(("scan.pdf", [
        Block("heading", "D. Experts", level=2),
        Block("paragraph", "Identité : Fonction et employeur Diplômes et expérience Mme Coralie d'AUBIGNY Juriste, "
                           "Centre d'information sur les droits des femmes")]))
    [expert] = find_experts(sub, "Lorient Agglomération")
    assert (expert.name.full, expert.function, expert.read_whole) == ("Coralie d'Aubigny", "Juriste", False)


def test_elected_since_a_year_is_a_record_not_the_function():
    function, _, qualifications = parse_apposition(" : élu depuis 2008, a présidé le comité de pilotage ; "
                                                   "ingénieur de formation")
    assert function is None and qualifications.startswith("Élu depuis 2008")


def test_a_function_left_to_be_specified_before_the_name_is_kept_as_said():
    experts = by_name(submission(("lettre.pdf", LETTER_HEAD + [
        Block("heading", "IV. Personnes ressources", level=2),
        Block("paragraph", "Notre fonction à préciser, Mme Karima Touati, élue depuis 2010, ingénieure de formation, "
                           "sera mobilisée sur les missions."),
        Block("heading", "V. Nos engagements", level=2)] + SIGNATURE)))
    assert experts["Karima Touati"].function == "Fonction à préciser"
