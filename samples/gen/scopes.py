"""Expertise scopes in the applicants' own words, mapped to themes.yaml ids.

Each scope carries what a dossier or a report needs to talk about it: labels,
a description of the savoir-faire (what is offered, without any claim of
past experience, so that a dossier may describe without grounding), the two
kinds of grounding the regulation accepts (past decentralised-cooperation
actions, or the competence exercised on the territory), the people who hold
the expertise, and what a mission on it looks like.

Templates use str.format keys: {the} {The} {short} {Short} {size} {y1} {y2}
{partner} {pcity} {country} {country_en} {n} {k}.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    key: str
    labels: tuple[tuple[str, tuple[str, ...]], ...]   # (label, theme ids)
    a: str                      # delegation "à l'eau et à l'assainissement"
    de: str                     # "de l'eau et de l'assainissement"
    territory: tuple[str, ...]  # competence exercised on its own territory
    cooperation: tuple[str, ...]  # past decentralised-cooperation actions
    agents: tuple[tuple[str, str], ...]       # (masculine, feminine) functions
    partners: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (organisation, functions)
    diplomas: tuple[str, ...]   # "d'un master en gestion de l'eau"
    field: str                  # "dans la gestion des services d'eau"
    objectives: tuple[str, ...]  # a mission's precise purpose
    activities: tuple[str, ...]  # what the days were made of
    next_steps: tuple[str, ...]  # a complementary action
    long_term: tuple[str, ...]   # longer-term cooperation prospects


def _s(key, labels, a, de, territory, cooperation, agents, partners, diplomas, field,
       objectives, activities, next_steps, long_term):
    return Scope(key, tuple((lbl, tuple(th)) for lbl, th in labels), a, de,
                 tuple(territory), tuple(cooperation), tuple(agents),
                 tuple((org, tuple(fns)) for org, fns in partners), tuple(diplomas), field,
                 tuple(objectives), tuple(activities), tuple(next_steps), tuple(long_term))


SCOPES = [
    _s("dechets",
       [("Gestion des déchets et tri sélectif", ["dechets-proprete"]),
        ("Propreté urbaine", ["dechets-proprete"]),
        ("Collecte et valorisation des déchets ménagers", ["dechets-proprete"]),
        ("Lutte contre le gaspillage alimentaire", ["dechets-proprete", "agriculture-alimentation"])],
       "à la propreté et aux déchets", "de la propreté et des déchets",
       ["Exerçant la compétence collecte et traitement des déchets ménagers depuis {y1}, {the} "
        "assure ce service pour {size}. Le taux de valorisation est passé de 18 % à 41 % en dix ans.",
        "Depuis {y1}, {short} a profondément réorganisé sa politique de propreté urbaine sur son territoire "
        "({size}) : brigades vertes, verbalisation des dépôts sauvages, déploiement de 900 corbeilles de tri.",
        "{The} a conduit sur son territoire, de {y1} à {y2}, un programme « territoire zéro déchet, zéro "
        "gaspillage » qui a permis de réduire de 12 % les ordures ménagères résiduelles."],
       ["Dans le cadre de sa coopération décentralisée avec {partner} ({country}), engagée en {y1}, "
        "{short} a accompagné la création d'une filière de précollecte des déchets par des groupements "
        "de jeunes, puis la construction d'un centre de transit (2016-{y2}).",
        "De {y1} à {y2}, {short} a mené avec {partner} ({country}) un projet de gestion des déchets "
        "cofinancé par le ministère de l'Europe et des Affaires étrangères : plan directeur, formation "
        "de 40 agents municipaux et mise en service d'une plateforme de compostage."],
       [("Directeur de la propreté urbaine", "Directrice de la propreté urbaine"),
        ("Chef du service collecte et valorisation des déchets", "Cheffe du service collecte et valorisation des déchets"),
        ("Ingénieur territorial, responsable du centre de tri", "Ingénieure territoriale, responsable du centre de tri"),
        ("Chargé de mission prévention des déchets", "Chargée de mission prévention des déchets")],
       [("ADEME, direction régionale", [("Ingénieur économie circulaire", "Ingénieure économie circulaire")]),
        ("Ressourcerie solidaire du territoire (association)", [("Directeur", "Directrice")])],
       ["d'un diplôme d'ingénieur en génie de l'environnement", "d'un master en gestion des déchets",
        "d'un DUT génie biologique, option environnement"],
       "dans la gestion des services de collecte et de traitement des déchets",
       ["appuyer la commune dans l'élaboration de son schéma de collecte des déchets ménagers",
        "expertiser le projet de centre de tri et de valorisation porté par la collectivité partenaire",
        "former les agents municipaux à l'organisation de la précollecte dans les quartiers"],
       ["visite de la décharge municipale et des points de regroupement",
        "atelier de travail avec les services techniques sur le dimensionnement de la collecte",
        "rencontre avec les associations de quartier chargées de la précollecte",
        "restitution des premières recommandations au maire et à son conseil"],
       ["une seconde mission, consacrée à la tarification du service, pourrait être organisée",
        "l'accueil en France de deux techniciens de la commune pour un stage au centre de tri est envisagé"],
       ["un projet de coopération décentralisée sur trois ans pourrait être présenté à l'appel à projets de la DAECT",
        "une convention de partenariat entre les deux collectivités est à l'étude"]),
    _s("eau",
       [("Accès à l'eau potable", ["eau-assainissement"]),
        ("Eau, assainissement et pratiques d'hygiène", ["eau-assainissement", "sante-action-sociale"]),
        ("Gestion de l'eau et des milieux aquatiques", ["eau-assainissement", "environnement-biodiversite"])],
       "à l'eau et à l'assainissement", "de l'eau et de l'assainissement",
       ["{The} exerce en régie la compétence eau potable depuis {y1} pour {size} ; le rendement du "
        "réseau a été porté de 71 % à 86 % grâce à un programme de sectorisation et de recherche de fuites.",
        "Gestionnaire de l'assainissement collectif et non collectif sur son territoire ({size}), {short} "
        "a construit entre {y1} et {y2} deux stations d'épuration et mis en place une tarification sociale.",
        "Depuis {y1}, {short} porte la compétence GEMAPI sur son territoire et a restauré 60 km de cours d'eau."],
       ["Au titre de la loi Oudin-Santini, {short} consacre depuis {y1} 1 % de ses recettes eau à la "
        "coopération avec {partner} ({country}) : forages, château d'eau et formation d'un comité de gestion.",
        "Avec {partner} ({country}), partenaire depuis {y1}, {short} a conduit de 2017 à {y2} un projet "
        "d'accès à l'eau potable desservant 12 000 habitants, avec l'appui de l'agence de l'eau."],
       [("Directeur du cycle de l'eau", "Directrice du cycle de l'eau"),
        ("Ingénieur hydraulicien, service des eaux", "Ingénieure hydraulicienne, service des eaux"),
        ("Responsable de l'usine de production d'eau potable", "Responsable de l'usine de production d'eau potable"),
        ("Technicien assainissement", "Technicienne assainissement")],
       [("Agence de l'eau Adour-Garonne", [("Chargé d'interventions internationales", "Chargée d'interventions internationales")]),
        ("Agence de l'eau Loire-Bretagne", [("Chargé de mission solidarité internationale", "Chargée de mission solidarité internationale")]),
        ("Université de Montpellier – laboratoire HydroSciences", [("Maître de conférences en hydrologie", "Maîtresse de conférences en hydrologie")])],
       ["d'un diplôme d'ingénieur de l'ENGEES", "d'un master en sciences de l'eau",
        "d'un BTS gestion et maîtrise de l'eau"],
       "dans l'exploitation des services d'eau et d'assainissement",
       ["évaluer le fonctionnement du service d'eau potable de la commune et proposer un plan d'amélioration",
        "appuyer la mise en place d'un comité de gestion des bornes-fontaines",
        "conseiller la collectivité partenaire sur la réhabilitation de sa station de traitement"],
       ["visite du forage principal, du château d'eau et de trois bornes-fontaines",
        "atelier sur la tarification et le recouvrement avec le service financier",
        "séance de travail avec la société nationale des eaux",
        "rencontre avec les comités de gestion et les associations d'usagères"],
       ["une mission de suivi, dans un an, permettrait de mesurer les progrès du recouvrement",
        "une formation des fontainiers pourrait être organisée à distance"],
       ["un projet au titre du dispositif « 1 % eau » est envisagé avec l'agence de l'eau",
        "les deux collectivités souhaitent formaliser un partenariat durable dans le domaine de l'eau"]),
    _s("littoral",
       [("Érosion côtière et gestion du littoral", ["environnement-biodiversite", "risques-securite"]),
        ("Préservation de l'écosystème de la mangrove", ["environnement-biodiversite"]),
        ("Protection des espaces naturels et de la biodiversité", ["environnement-biodiversite"]),
        ("Gestion durable des forêts communales", ["environnement-biodiversite", "agriculture-alimentation"])],
       "à l'environnement et au littoral", "de l'environnement et du littoral",
       ["{The} gère sur son territoire 42 km de côtes et a adopté dès {y1} une stratégie locale de "
        "gestion du trait de côte, avec un observatoire et des opérations de rechargement de plages.",
        "Propriétaire de 3 200 hectares d'espaces naturels, {short} conduit depuis {y1} un plan de "
        "gestion de ces sites, labellisés en {y2}, et anime un réseau de 30 gardes du littoral.",
        "Depuis {y1}, {short} met en œuvre sur son territoire ({size}) un programme de restauration des "
        "zones humides et de la mangrove, dont 140 hectares ont été replantés."],
       ["Avec {partner} ({country}), {short} a conduit de {y1} à {y2} un programme de reboisement de "
        "la mangrove et de sensibilisation des pêcheurs, cofinancé par la DAECT.",
        "Dans le cadre de sa coopération avec {partner} ({country}), {short} a accompagné depuis {y1} "
        "la création d'une aire protégée communale et la formation de ses écogardes."],
       [("Responsable du service espaces naturels", "Responsable du service espaces naturels"),
        ("Chargé de mission gestion du trait de côte", "Chargée de mission gestion du trait de côte"),
        ("Garde du littoral, chef d'équipe", "Garde du littoral, cheffe d'équipe"),
        ("Ingénieur forestier, direction de l'environnement", "Ingénieure forestière, direction de l'environnement")],
       [("Office français de la biodiversité", [("Chargé de mission milieux marins", "Chargée de mission milieux marins")]),
        ("Conservatoire du littoral", [("Délégué de rivage", "Déléguée de rivage")]),
        ("Université de La Rochelle – laboratoire LIENSs", [("Chercheur en géomorphologie côtière", "Chercheuse en géomorphologie côtière")])],
       ["d'un master en gestion des littoraux", "d'un diplôme d'ingénieur forestier (AgroParisTech)",
        "d'un doctorat en écologie"],
       "dans la gestion des espaces naturels",
       ["appuyer la municipalité dans l'élaboration d'un plan de lutte contre l'érosion côtière",
        "conseiller la collectivité partenaire sur la gestion de son aire protégée"],
       ["visite du littoral et des zones d'érosion avec les services techniques",
        "atelier de cartographie du trait de côte",
        "rencontre avec les associations de pêcheurs et de femmes transformatrices",
        "réunion de restitution à l'hôtel de ville"],
       ["une formation des agents au suivi du trait de côte par drone pourrait compléter la mission",
        "l'envoi de données et de cahiers des charges types permettra de poursuivre le travail à distance"],
       ["un programme de coopération sur la gestion du littoral pourrait être construit avec la région partenaire",
        "les contacts noués pourraient déboucher sur un jumelage de sites protégés"]),
    _s("climat",
       [("Transition énergétique et efficacité énergétique", ["climat-energie"]),
        ("Énergies renouvelables", ["climat-energie"]),
        ("Plan climat-air-énergie territorial", ["climat-energie", "gouvernance-locale"]),
        ("Rénovation énergétique des bâtiments publics", ["climat-energie", "urbanisme-amenagement"])],
       "à la transition énergétique", "de la transition énergétique",
       ["{The} a adopté son plan climat-air-énergie en {y1} ; la consommation d'énergie de son "
        "patrimoine bâti a baissé de 27 % depuis, grâce à un programme de rénovation de 60 écoles.",
        "Depuis {y1}, {short} développe sur son territoire ({size}) une politique énergétique ambitieuse : "
        "32 centrales photovoltaïques, un réseau de chaleur alimenté à 70 % par le bois local."],
       ["Avec {partner} ({country}), {short} a équipé de {y1} à {y2} quatorze centres de santé et écoles "
        "en énergie solaire et formé les techniciens chargés de la maintenance.",
        "La coopération engagée en {y1} avec {partner} ({country}) a permis l'élaboration d'un plan "
        "d'action pour l'énergie durable, appuyé par le programme européen de la Convention des maires."],
       [("Directeur de la transition énergétique", "Directrice de la transition énergétique"),
        ("Conseiller en énergie partagé", "Conseillère en énergie partagée"),
        ("Ingénieur énergies renouvelables", "Ingénieure énergies renouvelables"),
        ("Chef de projet plan climat", "Cheffe de projet plan climat")],
       [("Agence locale de l'énergie et du climat (association)", [("Directeur", "Directrice")]),
        ("Pôle de compétitivité Tenerrdis", [("Chargé d'affaires internationales", "Chargée d'affaires internationales")])],
       ["d'un diplôme d'ingénieur en énergétique (INSA)", "d'un master en énergies renouvelables",
        "d'une licence professionnelle en efficacité énergétique"],
       "dans la conduite de projets énergétiques",
       ["accompagner la ville partenaire dans la définition de son plan d'action énergie-climat",
        "expertiser le projet d'éclairage public solaire de la commune"],
       ["visite de bâtiments municipaux et relevé des consommations",
        "atelier avec les services techniques sur l'éclairage public",
        "rencontre avec l'agence nationale de l'énergie",
        "séance de travail avec les élus sur les priorités du plan"],
       ["une mission d'appui à la rédaction du cahier des charges est envisagée",
        "un webinaire de suivi réunira les techniciens des deux collectivités dans trois mois"],
       ["une candidature commune à un programme européen est à l'étude",
        "les échanges pourraient aboutir à une coopération décentralisée sur la transition énergétique"]),
    _s("risques",
       [("Gestion de crise et plan communal de sauvegarde", ["risques-securite"]),
        ("Prévention du risque terroriste dans l'organisation des grands événements", ["risques-securite"]),
        ("Sécurité et police municipale", ["risques-securite"]),
        ("Prévention des risques d'inondation", ["risques-securite", "eau-assainissement"])],
       "à la sécurité et à la prévention des risques", "de la sécurité et de la prévention des risques",
       ["{The} a élaboré son plan communal de sauvegarde en {y1} et l'a éprouvé lors des inondations "
        "de {y2} ; un exercice de crise est organisé chaque année avec la préfecture.",
        "Accueillant chaque année des événements de plus de 200 000 visiteurs, {short} a "
        "développé depuis {y1} une doctrine de sécurisation reconnue par les services de l'État.",
        "{The} dispose depuis {y1} d'une police municipale de 85 agents et d'un centre de supervision urbain."],
       ["Avec {partner} ({country}), {short} a accompagné de {y1} à {y2} l'élaboration d'un plan local "
        "de prévention des inondations et la formation des volontaires de quartier.",
        "La coopération conduite depuis {y1} avec {partner} ({country}) a porté sur la création d'une "
        "police municipale et la formation de ses premiers agents."],
       [("Directeur de la prévention et de la sécurité", "Directrice de la prévention et de la sécurité"),
        ("Chef de la police municipale", "Cheffe de la police municipale"),
        ("Responsable de la cellule gestion des risques", "Responsable de la cellule gestion des risques"),
        ("Chargé de mission plan communal de sauvegarde", "Chargée de mission plan communal de sauvegarde")],
       [("Service départemental d'incendie et de secours", [("Commandant, officier prévision", "Commandante, officière prévision")]),
        ("Centre hospitalier régional", [("Médecin urgentiste, référent plan blanc", "Médecin urgentiste, référente plan blanc")])],
       ["d'un master en gestion des risques", "du diplôme de directeur de police municipale",
        "d'un diplôme d'ingénieur en prévention des risques"],
       "dans la gestion des risques et des crises",
       ["appuyer la commune dans l'élaboration de son plan de gestion des crises",
        "conseiller la collectivité partenaire pour la sécurisation de son festival annuel"],
       ["visite des quartiers exposés aux inondations",
        "exercice de simulation de crise avec les services municipaux",
        "rencontre avec la protection civile et les sapeurs-pompiers",
        "restitution au maire et aux chefs de quartier"],
       ["un exercice de crise grandeur nature pourrait être accompagné l'an prochain",
        "la formation de formateurs locaux est envisagée"],
       ["les contacts établis permettent d'envisager une coopération durable sur la résilience urbaine",
        "une convention de coopération pourrait être signée lors de la visite du maire en France"]),
    _s("patrimoine",
       [("Restauration et valorisation du patrimoine bâti", ["patrimoine-culture"]),
        ("Patrimoine et urbanisme patrimonial", ["patrimoine-culture", "urbanisme-amenagement"]),
        ("Pratiques artistiques et culturelles en milieu scolaire", ["patrimoine-culture", "jeunesse-education"]),
        ("Patrimoine, lumière et vitrail", ["patrimoine-culture"])],
       "au patrimoine et à la culture", "du patrimoine et de la culture",
       ["{The} gère un secteur sauvegardé de 70 hectares depuis {y1} ; plus de 400 façades ont été "
        "restaurées avec l'appui de la collectivité.",
        "Titulaire du label Ville d'art et d'histoire depuis {y1}, {short} conduit sur son territoire une politique "
        "patrimoniale reconnue : service d'architecture du patrimoine, chantiers d'insertion, médiation.",
        "Depuis {y1}, {short} met en œuvre un plan d'éducation artistique qui touche chaque année "
        "9 000 élèves de son territoire."],
       ["Avec {partner} ({country}), {short} a accompagné de {y1} à {y2} la réhabilitation de la "
        "médina et la formation d'artisans aux techniques traditionnelles de restauration.",
        "Depuis {y1}, la coopération avec {partner} ({country}) a permis la création d'un centre "
        "d'interprétation du patrimoine et la formation de guides-conférenciers."],
       [("Directeur du patrimoine et de l'architecture", "Directrice du patrimoine et de l'architecture"),
        ("Architecte du patrimoine, service urbanisme", "Architecte du patrimoine, service urbanisme"),
        ("Animateur de l'architecture et du patrimoine", "Animatrice de l'architecture et du patrimoine"),
        ("Conservateur des musées", "Conservatrice des musées")],
       [("Conservatoire à rayonnement départemental", [("Professeur de musique, coordinateur des projets scolaires", "Professeure de musique, coordinatrice des projets scolaires")]),
        ("Centre international du vitrail (association)", [("Maître verrier, formateur", "Maître verrière, formatrice")])],
       ["du diplôme d'architecte du patrimoine (École de Chaillot)", "d'un master en histoire de l'art",
        "d'un diplôme des métiers d'art"],
       "dans la restauration et la valorisation du patrimoine",
       ["appuyer la municipalité dans l'inventaire de son patrimoine bâti ancien",
        "conseiller la ville partenaire sur la gestion de son centre historique"],
       ["visite du centre ancien et des chantiers de restauration en cours",
        "atelier avec les artisans et l'école des beaux-arts",
        "séance de travail sur le règlement de protection du centre historique",
        "rencontre avec l'office du tourisme"],
       ["une mission complémentaire consacrée à la formation des artisans est envisagée",
        "l'accueil d'un architecte de la ville partenaire au sein du service patrimoine est prévu"],
       ["un partenariat pourrait être engagé sur la valorisation des deux centres historiques",
        "les échanges ouvrent la perspective d'une coopération décentralisée culturelle"]),
    _s("tourisme",
       [("Tourisme durable et écotourisme", ["tourisme", "environnement-biodiversite"]),
        ("Valorisation touristique du patrimoine", ["tourisme", "patrimoine-culture"]),
        ("Numérique au service du tourisme", ["tourisme", "numerique"])],
       "au tourisme", "du tourisme",
       ["{The} a structuré depuis {y1} une offre touristique qui attire 1,2 million de visiteurs par an, "
        "avec un office de tourisme intercommunal et 300 km de sentiers balisés.",
        "Sur son territoire, {short} a conduit de {y1} à {y2} un schéma de développement touristique "
        "durable (gestion des flux sur les sites naturels, vélo-route, hébergements labellisés)."],
       ["Avec {partner} ({country}), {short} a accompagné de {y1} à {y2} la création d'un office du "
        "tourisme et la formation de vingt guides locaux.",
        "Depuis {y1}, la coopération avec {partner} ({country}) a porté sur un circuit d'écotourisme "
        "communautaire et la promotion de l'artisanat local."],
       [("Directeur du tourisme et de l'attractivité", "Directrice du tourisme et de l'attractivité"),
        ("Chargé de développement touristique", "Chargée de développement touristique"),
        ("Responsable de l'office de tourisme", "Responsable de l'office de tourisme")],
       [("Comité régional du tourisme", [("Chargé de projets numériques", "Chargée de projets numériques")])],
       ["d'un master en management du tourisme", "d'une licence professionnelle guide-conférencier"],
       "dans le développement touristique",
       ["conseiller la commune dans la structuration de son office du tourisme",
        "appuyer la création d'un circuit touristique autour du patrimoine de la ville"],
       ["visite des sites touristiques et des hébergements",
        "atelier avec les guides et les artisans",
        "séance de travail avec le service de la culture et du tourisme"],
       ["une formation des guides à l'accueil des visiteurs francophones est envisagée",
        "un outil de promotion commun pourrait être réalisé"],
       ["une coopération plus durable autour du tourisme est envisageable avec l'appui de l'ambassade",
        "les deux offices de tourisme souhaitent signer un accord de partenariat"]),
    _s("urbanisme",
       [("Renouvellement urbain et reconversion des friches industrielles", ["urbanisme-amenagement"]),
        ("Végétalisation de la ville et création d'espaces verts", ["urbanisme-amenagement", "environnement-biodiversite"]),
        ("Planification urbaine et adressage", ["urbanisme-amenagement", "gouvernance-locale"]),
        ("Aménagement des quartiers précaires", ["urbanisme-amenagement", "sante-action-sociale"])],
       "à l'urbanisme et à l'aménagement", "de l'urbanisme et de l'aménagement",
       ["{The} a reconverti depuis {y1} plus de 80 hectares de friches industrielles sur son territoire, "
        "dont l'ancien site textile devenu un quartier de 1 200 logements.",
        "Depuis {y1}, {short} a planté 25 000 arbres et créé 14 parcs sur son territoire ({size}), "
        "en gestion différenciée sans produits phytosanitaires.",
        "{The} a conduit de {y1} à {y2} un programme de renouvellement urbain de trois quartiers "
        "prioritaires, avec l'Agence nationale pour la rénovation urbaine."],
       ["Avec {partner} ({country}), {short} a réalisé de {y1} à {y2} l'adressage de l'ensemble des "
        "rues de la ville et la création d'un service d'urbanisme municipal.",
        "Depuis {y1}, {short} accompagne {partner} ({country}) dans l'aménagement d'un parc urbain "
        "et la formation des jardiniers municipaux."],
       [("Directeur de l'urbanisme et de l'aménagement", "Directrice de l'urbanisme et de l'aménagement"),
        ("Directeur des espaces verts", "Directrice des espaces verts"),
        ("Chef de projet renouvellement urbain", "Cheffe de projet renouvellement urbain"),
        ("Urbaniste, service de la planification", "Urbaniste, service de la planification")],
       [("Agence d'urbanisme de l'agglomération (association)", [("Directeur d'études", "Directrice d'études")]),
        ("École nationale supérieure de paysage", [("Enseignant-chercheur", "Enseignante-chercheuse")])],
       ["d'un diplôme d'ingénieur paysagiste", "d'un master en urbanisme et aménagement",
        "du diplôme d'architecte-urbaniste"],
       "dans l'aménagement urbain",
       ["appuyer la ville partenaire dans l'élaboration de son schéma directeur d'aménagement",
        "conseiller la municipalité sur la reconversion d'un ancien site ferroviaire",
        "accompagner la commune dans la création d'un parc urbain"],
       ["visite des quartiers et des sites de projet",
        "atelier de travail avec la direction de l'urbanisme",
        "rencontre avec le ministère de l'habitat et de l'urbanisme",
        "présentation des premières orientations devant le conseil municipal"],
       ["une mission complémentaire sur la maîtrise foncière serait utile",
        "l'accueil de deux urbanistes de la ville partenaire est envisagé l'an prochain"],
       ["les contacts noués pourraient aboutir à une coopération décentralisée sur l'aménagement urbain",
        "la ville partenaire souhaite inscrire ce travail dans un partenariat pluriannuel"]),
    _s("mobilite",
       [("Transports urbains et mobilités douces", ["transports-mobilite"]),
        ("Plan de mobilité et marche en ville", ["transports-mobilite", "urbanisme-amenagement"]),
        ("Organisation des transports collectifs", ["transports-mobilite"])],
       "aux mobilités", "des mobilités",
       ["Autorité organisatrice des mobilités depuis {y1}, {the} a restructuré son réseau de bus et "
        "créé deux lignes à haut niveau de service ; la fréquentation a augmenté de 35 %.",
        "{The} a adopté en {y1} un plan de mobilité ambitieux : 180 km d'aménagements cyclables, "
        "généralisation de la ville à 30 km/h, piétonnisation du centre."],
       ["Avec {partner} ({country}), {short} a accompagné de {y1} à {y2} la réorganisation des "
        "gares routières et la professionnalisation des transporteurs artisanaux.",
        "Depuis {y1}, la coopération avec {partner} ({country}) porte sur la sécurité routière aux "
        "abords des écoles et l'aménagement de pistes cyclables."],
       [("Directeur des mobilités", "Directrice des mobilités"),
        ("Chef du service transports et déplacements", "Cheffe du service transports et déplacements"),
        ("Chargé de mission modes actifs", "Chargée de mission modes actifs")],
       [("CEREMA, direction territoriale", [("Chef de projet mobilité", "Cheffe de projet mobilité")])],
       ["d'un master en transport et mobilité", "d'un diplôme d'ingénieur des travaux publics"],
       "dans la planification des mobilités",
       ["appuyer la municipalité dans la réorganisation de sa gare routière",
        "conseiller la ville partenaire sur son projet de plan de mobilité"],
       ["observation des flux aux principaux carrefours",
        "atelier avec les syndicats de transporteurs",
        "séance de travail avec les services techniques sur les aménagements"],
       ["une mission sur la billettique pourrait compléter ce premier diagnostic",
        "les données de comptage seront analysées à distance par nos services"],
       ["une coopération sur la mobilité durable pourrait être construite avec l'appui de l'AFD",
        "les deux villes envisagent un partenariat de long terme sur les mobilités"]),
    _s("transfrontalier",
       [("Coopération transfrontalière", ["cooperation-transfrontaliere"]),
        ("Coopération transfrontalière au sein des frontières maritimes", ["cooperation-transfrontaliere"])],
       "à la coopération transfrontalière", "de la coopération transfrontalière",
       ["{The} participe depuis {y1} à un groupement européen de coopération territoriale et a piloté "
        "onze projets Interreg, dont un service de santé transfrontalier.",
        "Avec une frontière maritime de 80 km, {short} coopère depuis {y1} avec ses voisins sur la gestion des "
        "espaces maritimes et la mobilité des habitants."],
       ["Avec {partner} ({country}), {short} a partagé de {y1} à {y2} son expérience de la coopération "
        "transfrontalière au profit de communes frontalières du pays partenaire."],
       [("Chargé de mission coopération transfrontalière", "Chargée de mission coopération transfrontalière"),
        ("Directeur des affaires européennes", "Directrice des affaires européennes")],
       [("Mission opérationnelle transfrontalière (association)", [("Chargé de mission", "Chargée de mission")])],
       ["d'un master en affaires européennes", "d'un doctorat en géographie des frontières"],
       "dans la coopération transfrontalière",
       ["appuyer deux communes frontalières dans la création d'un service public commun"],
       ["rencontre avec les maires des communes frontalières",
        "atelier sur les outils juridiques de la coopération transfrontalière",
        "visite du poste-frontière et du marché transfrontalier"],
       ["un séminaire transfrontalier pourrait être organisé l'an prochain"],
       ["un partenariat durable entre les deux espaces frontaliers est envisagé"]),
    _s("gouvernance",
       [("Appui à la décentralisation et à la régionalisation", ["gouvernance-locale"]),
        ("Finances locales et mobilisation des ressources fiscales", ["gouvernance-locale"]),
        ("Modernisation de l'état civil", ["gouvernance-locale", "numerique"]),
        ("Intégration des ODD dans les politiques publiques", ["gouvernance-locale"])],
       "aux finances et à l'administration générale", "des finances et de l'administration générale",
       ["{The} a modernisé depuis {y1} sa gestion financière (budget par programmes, contrôle de "
        "gestion) et a obtenu en {y2} la certification de ses comptes.",
        "Depuis {y1}, {short} a numérisé 1,4 million d'actes d'état civil et ouvert un service de "
        "délivrance en ligne.",
        "{The} publie depuis {y1} un rapport de développement durable articulé aux ODD et a adapté "
        "ses outils budgétaires en conséquence."],
       ["Avec {partner} ({country}), {short} a accompagné de {y1} à {y2} la réorganisation des "
        "services municipaux et la formation de 60 agents aux finances locales.",
        "Depuis {y1}, {short} appuie {partner} ({country}) dans la modernisation de son état civil : "
        "formation des officiers, archivage et numérisation des registres."],
       [("Directeur des finances", "Directrice des finances"),
        ("Directeur général adjoint des services, ressources", "Directrice générale adjointe des services, ressources"),
        ("Responsable du service état civil", "Responsable du service état civil"),
        ("Contrôleur de gestion", "Contrôleuse de gestion")],
       [("Centre de gestion de la fonction publique territoriale", [("Directeur adjoint", "Directrice adjointe")]),
        ("Institut d'études politiques", [("Maître de conférences en finances publiques", "Maîtresse de conférences en finances publiques")])],
       ["d'un master en administration publique", "d'un diplôme de l'Institut national des études territoriales (INET)",
        "d'une maîtrise de droit public"],
       "dans l'administration et les finances locales",
       ["appuyer la mairie dans l'amélioration du recouvrement des taxes locales",
        "accompagner la réorganisation du service de l'état civil",
        "conseiller la région partenaire sur son schéma de décentralisation"],
       ["séance de travail avec le receveur municipal et le service des finances",
        "visite du centre d'état civil et des archives",
        "atelier avec les élus sur la préparation budgétaire",
        "rencontre avec le ministère chargé de la décentralisation"],
       ["une mission d'appui au paramétrage du logiciel budgétaire est envisagée",
        "la formation de formateurs au sein de l'association des communes du pays pourrait suivre"],
       ["une coopération sur la gouvernance locale pourrait être présentée à l'appel à projets de la DAECT",
        "la commune partenaire souhaite un accompagnement pluriannuel"]),
    _s("economie",
       [("Développement économique local et appui aux très petites entreprises", ["developpement-economique"]),
        ("Insertion professionnelle des jeunes", ["developpement-economique", "jeunesse-education"]),
        ("Économie sociale et solidaire", ["developpement-economique"])],
       "au développement économique et à l'emploi", "du développement économique et de l'emploi",
       ["{The} anime depuis {y1} une pépinière d'entreprises qui a accompagné 320 créateurs ; le taux "
        "de survie à trois ans atteint 78 %.",
        "Depuis {y1}, {short} intègre des clauses sociales dans ses marchés publics et a financé "
        "1 100 parcours d'insertion sur son territoire."],
       ["Avec {partner} ({country}), {short} a soutenu de {y1} à {y2} la création d'une maison de "
        "l'entrepreneuriat et la formation de 150 jeunes porteurs de projets.",
        "La coopération conduite depuis {y1} avec {partner} ({country}) a permis la structuration "
        "d'une coopérative de transformation des produits locaux."],
       [("Directeur du développement économique", "Directrice du développement économique"),
        ("Chargé de mission emploi et insertion", "Chargée de mission emploi et insertion"),
        ("Responsable de la pépinière d'entreprises", "Responsable de la pépinière d'entreprises")],
       [("Mission locale pour l'emploi des jeunes (association)", [("Directeur", "Directrice")]),
        ("Chambre de commerce et d'industrie territoriale", [("Conseiller en création d'entreprise", "Conseillère en création d'entreprise")])],
       ["d'un master en développement local", "d'un diplôme d'école de commerce"],
       "dans l'accompagnement des entreprises et de l'emploi",
       ["appuyer la commune dans la création d'un incubateur municipal",
        "conseiller la collectivité partenaire sur l'insertion des jeunes"],
       ["visite du marché central et rencontre des commerçants",
        "atelier avec les jeunes entrepreneurs et la chambre de commerce",
        "séance de travail avec le service du développement local"],
       ["une formation des conseillers de la maison de l'entrepreneuriat est envisagée"],
       ["les deux collectivités pourraient s'engager dans une coopération économique durable"]),
    _s("numerique",
       [("Administration en ligne et services numériques aux usagers", ["numerique", "gouvernance-locale"]),
        ("Création numérique", ["numerique", "patrimoine-culture"]),
        ("Systèmes d'information géographique", ["numerique", "urbanisme-amenagement"])],
       "au numérique", "du numérique",
       ["{The} a dématérialisé depuis {y1} 85 % de ses démarches et déployé douze espaces d'inclusion "
        "numérique sur son territoire.",
        "Depuis {y1}, {short} gère un système d'information géographique mutualisé, utilisé par "
        "l'ensemble de ses services et des communes membres.",
        "{The} soutient depuis {y1} un centre des arts numériques et un festival de création numérique."],
       ["Avec {partner} ({country}), {short} a accompagné de {y1} à {y2} la création d'un SIG "
        "municipal et la formation de ses premiers géomaticiens.",
        "Depuis {y1}, la coopération avec {partner} ({country}) a permis la mise en ligne d'un "
        "guichet unique des démarches municipales."],
       [("Directeur des systèmes d'information", "Directrice des systèmes d'information"),
        ("Chef de projet SIG", "Cheffe de projet SIG"),
        ("Responsable de l'administration numérique", "Responsable de l'administration numérique")],
       [("Pôle de compétitivité Images & Réseaux", [("Chargé de mission international", "Chargée de mission internationale")]),
        ("Centre des arts numériques (association)", [("Directeur artistique", "Directrice artistique")])],
       ["d'un master en géomatique", "d'un diplôme d'ingénieur en informatique"],
       "dans les projets numériques des collectivités",
       ["accompagner la municipalité dans la création d'un système d'information géographique",
        "conseiller la commune partenaire sur la dématérialisation de l'état civil"],
       ["audit des outils informatiques de la mairie",
        "atelier de formation à la cartographie",
        "séance de travail avec l'agence nationale du numérique"],
       ["une formation complémentaire des géomaticiens pourrait être organisée à distance"],
       ["un partenariat durable sur le numérique territorial est envisagé"]),
    _s("social",
       [("Action sociale et accompagnement des personnes âgées", ["sante-action-sociale"]),
        ("Santé communautaire et prévention", ["sante-action-sociale"]),
        ("Cohésion sociale dans les quartiers prioritaires", ["sante-action-sociale", "urbanisme-amenagement"])],
       "aux solidarités et à la santé", "des solidarités et de la santé",
       ["{The} gère depuis {y1} quatre centres de santé municipaux et un centre communal d'action "
        "sociale qui accompagne 6 000 personnes chaque année.",
        "Chef de file de l'action sociale sur son territoire, {short} a conduit de {y1} à {y2} un "
        "schéma de l'autonomie des personnes âgées (12 000 bénéficiaires)."],
       ["Avec {partner} ({country}), {short} a appuyé de {y1} à {y2} l'ouverture d'un centre de santé "
        "communautaire et la formation de 30 agents de santé.",
        "Depuis {y1}, {short} accompagne {partner} ({country}) dans la création d'un service social "
        "municipal."],
       [("Directeur de la santé publique", "Directrice de la santé publique"),
        ("Directeur du centre communal d'action sociale", "Directrice du centre communal d'action sociale"),
        ("Médecin coordonnateur des centres de santé", "Médecin coordonnatrice des centres de santé")],
       [("Centre hospitalier universitaire", [("Médecin de santé publique", "Médecin de santé publique"),
                                               ("Cadre de santé", "Cadre de santé")]),
        ("Institut régional du travail social", [("Formateur", "Formatrice")])],
       ["d'un diplôme d'État d'assistant de service social", "d'un doctorat en médecine",
        "d'un master en santé publique"],
       "dans l'action sociale et la santé",
       ["appuyer la commune dans la création d'un centre de santé communautaire",
        "conseiller la collectivité partenaire sur l'accompagnement des personnes âgées"],
       ["visite du centre de santé et des dispensaires de quartier",
        "atelier avec les agents de santé communautaire",
        "rencontre avec la direction régionale de la santé"],
       ["une formation des agents de santé communautaire pourrait compléter la mission"],
       ["une coopération hospitalière et municipale de long terme est envisagée"]),
    _s("jeunesse",
       [("Mobilité internationale des jeunes", ["jeunesse-education"]),
        ("Restauration scolaire et éducation alimentaire", ["jeunesse-education", "agriculture-alimentation"]),
        ("Politiques éducatives locales", ["jeunesse-education"])],
       "à l'éducation et à la jeunesse", "de l'éducation et de la jeunesse",
       ["{The} produit depuis {y1} 9 000 repas par jour dans sa cuisine centrale, avec 60 % de "
        "produits locaux dont 35 % issus de l'agriculture biologique.",
        "Depuis {y1}, {short} soutient chaque année 200 jeunes de son territoire dans un projet de "
        "mobilité internationale."],
       ["Avec {partner} ({country}), {short} a organisé de {y1} à {y2} des chantiers de jeunes et "
        "l'équipement de trois cantines scolaires.",
        "Depuis {y1}, la coopération avec {partner} ({country}) associe les conseils municipaux de "
        "jeunes des deux villes."],
       [("Directeur de l'éducation", "Directrice de l'éducation"),
        ("Responsable de la cuisine centrale", "Responsable de la cuisine centrale"),
        ("Chargé de mission jeunesse et mobilité internationale", "Chargée de mission jeunesse et mobilité internationale")],
       [("France Volontaires, espace régional", [("Chargé de mission", "Chargée de mission")]),
        ("Lycée agricole", [("Professeur de biotechnologies", "Professeure de biotechnologies")])],
       ["d'un master en sciences de l'éducation", "d'un BTS diététique"],
       "dans les politiques éducatives",
       ["appuyer la commune dans l'organisation de ses cantines scolaires",
        "accompagner la création d'un conseil municipal des jeunes"],
       ["visite d'écoles et de cantines scolaires",
        "atelier avec les enseignants et les parents d'élèves",
        "rencontre avec les associations de jeunesse"],
       ["l'accueil de jeunes volontaires de la ville partenaire est envisagé"],
       ["un échange régulier entre les jeunes des deux territoires pourrait être institué"]),
    _s("egalite",
       [("Lutte contre les violences faites aux femmes", ["egalite-droits"]),
        ("Égalité femmes-hommes dans les politiques locales", ["egalite-droits", "gouvernance-locale"])],
       "à l'égalité femmes-hommes", "de l'égalité femmes-hommes",
       ["{The} a créé en {y1} un observatoire des violences envers les femmes, qui coordonne "
        "aujourd'hui un réseau de 80 partenaires sur son territoire.",
        "Depuis {y1}, {short} publie un rapport annuel sur l'égalité femmes-hommes et a formé "
        "1 500 agents à la prévention des violences sexistes."],
       ["Avec {partner} ({country}), {short} a soutenu de {y1} à {y2} l'ouverture d'un centre "
        "d'accueil pour les femmes victimes de violences.",
        "Depuis {y1}, la coopération avec {partner} ({country}) accompagne la participation des "
        "femmes aux instances locales."],
       [("Directeur de l'observatoire des violences envers les femmes", "Directrice de l'observatoire des violences envers les femmes"),
        ("Chargé de mission égalité femmes-hommes", "Chargée de mission égalité femmes-hommes")],
       [("Centre d'information sur les droits des femmes et des familles (association)", [("Juriste", "Juriste")])],
       ["d'un master en études de genre", "d'un master en droit"],
       "dans les politiques d'égalité",
       ["appuyer la municipalité dans la création d'un dispositif d'accueil des victimes de violences"],
       ["rencontre avec les associations de défense des droits des femmes",
        "visite du centre d'écoute",
        "atelier avec la police et les services sociaux"],
       ["une formation des écoutantes pourrait être organisée"],
       ["un partenariat durable entre les deux observatoires est envisagé"]),
    _s("migrations",
       [("Accueil et intégration des personnes migrantes", ["migrations-paix", "sante-action-sociale"]),
        ("Médiation et prévention des conflits locaux", ["migrations-paix"])],
       "à la cohésion et à la citoyenneté", "de la cohésion et de la citoyenneté",
       ["{The} coordonne depuis {y1} une plateforme d'accueil des personnes réfugiées qui a accompagné "
        "2 300 personnes sur son territoire.",
        "Depuis {y1}, {short} emploie 40 médiateurs sociaux intervenant dans les quartiers."],
       ["Avec {partner} ({country}), {short} a accompagné de {y1} à {y2} la création d'un service "
        "municipal de médiation."],
       [("Directeur de la cohésion sociale", "Directrice de la cohésion sociale"),
        ("Coordinateur de la médiation sociale", "Coordinatrice de la médiation sociale")],
       [("Association d'accueil des demandeurs d'asile", [("Directeur", "Directrice")])],
       ["d'un master en sociologie des migrations", "d'un diplôme de médiateur social"],
       "dans la médiation et l'accueil",
       ["appuyer la commune dans l'accueil des personnes déplacées"],
       ["visite des centres d'accueil", "atelier avec les médiateurs", "rencontre avec les autorités locales"],
       ["une formation des médiateurs pourrait suivre"],
       ["un partenariat de long terme sur la médiation est envisagé"]),
    _s("agriculture",
       [("Filière laitière", ["agriculture-alimentation"]),
        ("Agriculture urbaine et circuits courts", ["agriculture-alimentation", "urbanisme-amenagement"]),
        ("Développement rural et projet alimentaire territorial", ["agriculture-alimentation"])],
       "à l'agriculture et à l'alimentation", "de l'agriculture et de l'alimentation",
       ["{The} anime depuis {y1} un projet alimentaire territorial qui fédère 400 exploitations et "
        "approvisionne la restauration collective de son territoire.",
        "Sur un territoire qui compte 3 000 exploitations laitières, {short} accompagne depuis {y1} "
        "les éleveurs dans la modernisation de la filière."],
       ["Avec {partner} ({country}), {short} a soutenu de {y1} à {y2} la création d'une mini-laiterie "
        "et la formation de 120 éleveurs.",
        "Depuis {y1}, la coopération avec {partner} ({country}) a permis l'aménagement de périmètres "
        "maraîchers et la création d'une coopérative de femmes productrices."],
       [("Directeur de l'agriculture et de l'alimentation", "Directrice de l'agriculture et de l'alimentation"),
        ("Chargé de mission projet alimentaire territorial", "Chargée de mission projet alimentaire territorial"),
        ("Ingénieur agronome, service de l'agriculture", "Ingénieure agronome, service de l'agriculture")],
       [("Lycée agricole", [("Directeur de l'exploitation", "Directrice de l'exploitation")]),
        ("Institut national de recherche pour l'agriculture (INRAE)", [("Ingénieur de recherche", "Ingénieure de recherche")])],
       ["d'un diplôme d'ingénieur agronome", "d'un BTS productions animales"],
       "dans le développement agricole",
       ["appuyer la région partenaire dans la structuration de sa filière laitière",
        "conseiller la commune sur la création d'un marché de producteurs"],
       ["visite d'exploitations et du centre de collecte du lait",
        "atelier avec les coopératives d'éleveurs",
        "rencontre avec la direction régionale de l'agriculture"],
       ["l'accueil de deux techniciens dans des exploitations françaises est envisagé"],
       ["une coopération pluriannuelle sur la filière pourrait être engagée"]),
]

BY_KEY = {s.key: s for s in SCOPES}

# The savoir-faire offered under each label: what, not since when (no grounding).
DESCRIPTION = {
    "Gestion des déchets et tri sélectif":
        "Le savoir-faire proposé couvre la conception d'un schéma de collecte sélective adapté aux "
        "quartiers denses comme aux zones d'habitat dispersé, le dimensionnement des points d'apport "
        "volontaire et des centres de tri, ainsi que la sensibilisation des habitants au geste de tri.",
    "Propreté urbaine":
        "Les compétences mobilisables portent sur l'organisation du nettoiement des espaces publics, la "
        "résorption des dépôts sauvages, le dimensionnement des équipes et des matériels et la "
        "mobilisation des habitants autour de la propreté.",
    "Collecte et valorisation des déchets ménagers":
        "Il s'agit d'accompagner une collectivité partenaire dans l'organisation de son service public "
        "de collecte : diagnostic des gisements, choix des modes de collecte, filières de valorisation, "
        "tarification et suivi des prestataires.",
    "Lutte contre le gaspillage alimentaire":
        "L'expertise porte sur la réduction du gaspillage alimentaire dans la restauration collective et "
        "sur les marchés : diagnostic des pertes, dons aux associations, compostage des biodéchets et "
        "sensibilisation des convives.",
    "Accès à l'eau potable":
        "L'expertise proposée porte sur la gouvernance des services d'eau potable : diagnostic des "
        "réseaux, recherche de fuites, gestion des bornes-fontaines, tarification sociale et relation aux usagers.",
    "Eau, assainissement et pratiques d'hygiène":
        "Le savoir-faire couvre l'assainissement collectif et autonome, la gestion des boues de vidange "
        "et la promotion des pratiques d'hygiène en milieu scolaire et sur les marchés.",
    "Gestion de l'eau et des milieux aquatiques":
        "Les compétences visées concernent la gestion intégrée des bassins versants, la restauration des "
        "milieux aquatiques et la prévention des inondations.",
    "Érosion côtière et gestion du littoral":
        "Le savoir-faire proposé porte sur le suivi du trait de côte, les techniques douces de protection "
        "(rechargement, ganivelles, revégétalisation des dunes) et la concertation avec les usagers.",
    "Préservation de l'écosystème de la mangrove":
        "L'expertise concerne la préservation de la mangrove : cartographie, replantation, gestion "
        "concertée avec les pêcheurs et les transformatrices, sensibilisation des scolaires.",
    "Protection des espaces naturels et de la biodiversité":
        "Les compétences visées couvrent la préservation des espaces naturels sensibles, l'inventaire de "
        "la biodiversité et la gestion de la fréquentation des sites.",
    "Gestion durable des forêts communales":
        "L'expertise concerne la gestion forestière durable : plans d'aménagement, prévention des "
        "incendies, valorisation du bois local et formation des agents forestiers.",
    "Transition énergétique et efficacité énergétique":
        "L'expertise proposée couvre la maîtrise de l'énergie dans le patrimoine public : suivi des "
        "consommations, rénovation des bâtiments, éclairage public performant et sensibilisation des usagers.",
    "Énergies renouvelables":
        "Les compétences mobilisables concernent le développement des énergies renouvelables : centrales "
        "solaires sur toitures publiques, réseaux de chaleur bois, méthanisation.",
    "Plan climat-air-énergie territorial":
        "L'expertise proposée couvre l'élaboration d'un plan climat territorial, le bilan des émissions de "
        "gaz à effet de serre et la mobilisation des acteurs économiques.",
    "Rénovation énergétique des bâtiments publics":
        "Le savoir-faire porte sur la rénovation énergétique des bâtiments publics, le suivi des "
        "consommations (économat des flux) et les contrats de performance énergétique.",
    "Gestion de crise et plan communal de sauvegarde":
        "Le savoir-faire proposé couvre l'élaboration d'un plan de gestion de crise, l'organisation d'une "
        "cellule de crise, les exercices de simulation et l'information préventive de la population.",
    "Prévention du risque terroriste dans l'organisation des grands événements":
        "L'expertise porte sur la sécurisation des grands événements : analyse des risques, dispositifs "
        "de filtrage, coordination des forces de sécurité et des secours.",
    "Sécurité et police municipale":
        "Les compétences concernent l'organisation d'une police municipale de proximité, la "
        "vidéoprotection et la médiation urbaine.",
    "Prévention des risques d'inondation":
        "Le savoir-faire porte sur la prévention des inondations : cartographie des zones inondables, "
        "systèmes d'alerte, entretien des ouvrages et information des populations exposées.",
    "Restauration et valorisation du patrimoine bâti":
        "Le savoir-faire proposé couvre l'inventaire du patrimoine, la conduite de chantiers de "
        "restauration, la formation aux métiers d'art et la médiation auprès des habitants.",
    "Patrimoine et urbanisme patrimonial":
        "L'expertise porte sur la gestion d'un secteur sauvegardé : règlement patrimonial, conseil aux "
        "propriétaires, aides à la réhabilitation des façades.",
    "Pratiques artistiques et culturelles en milieu scolaire":
        "Les compétences concernent l'éducation artistique et culturelle : résidences d'artistes dans les "
        "écoles, parcours culturels, partenariats avec les conservatoires.",
    "Patrimoine, lumière et vitrail":
        "L'expertise concerne la restauration et la mise en lumière du patrimoine religieux et civil : "
        "diagnostic des vitraux, chantiers de restauration, plan lumière et formation aux métiers du verre.",
    "Tourisme durable et écotourisme":
        "Le savoir-faire couvre le développement d'un tourisme durable respectueux des sites naturels et "
        "des populations : gestion des flux, hébergement chez l'habitant, labellisation.",
    "Valorisation touristique du patrimoine":
        "L'expertise proposée porte sur la structuration de l'offre touristique locale, la création de "
        "circuits, l'accueil des visiteurs et la promotion de la destination.",
    "Numérique au service du tourisme":
        "Le savoir-faire porte sur les outils numériques de promotion et d'accueil touristiques : site de "
        "destination, applications de visite, billetterie en ligne et observation de la fréquentation.",
    "Renouvellement urbain et reconversion des friches industrielles":
        "L'expertise porte sur la reconversion de friches industrielles en quartiers mixtes : dépollution, "
        "programmation, concertation et montage financier.",
    "Végétalisation de la ville et création d'espaces verts":
        "Les compétences visées concernent la végétalisation de l'espace public, la création et la gestion "
        "écologique des espaces verts, la lutte contre les îlots de chaleur.",
    "Planification urbaine et adressage":
        "Le savoir-faire proposé couvre la planification urbaine (schéma directeur, plan d'urbanisme), "
        "l'adressage des rues et la maîtrise foncière.",
    "Aménagement des quartiers précaires":
        "L'expertise porte sur la restructuration des quartiers d'habitat précaire : relevés, voiries et "
        "réseaux de base, régularisation foncière et accompagnement social des habitants.",
    "Transports urbains et mobilités douces":
        "Le savoir-faire proposé porte sur l'organisation d'un réseau de transports collectifs et le "
        "développement des modes doux : restructuration des lignes, pistes cyclables, cheminements piétons.",
    "Plan de mobilité et marche en ville":
        "L'expertise concerne les mobilités actives : plan vélo, zones apaisées, cheminements piétons "
        "accessibles et sécurisation des abords des écoles.",
    "Organisation des transports collectifs":
        "Le savoir-faire porte sur l'organisation d'un réseau de transports collectifs : restructuration "
        "des lignes, billettique, contrats avec les exploitants.",
    "Coopération transfrontalière":
        "L'expertise proposée porte sur l'ingénierie de la coopération transfrontalière : structures "
        "juridiques (GECT), projets Interreg, services publics partagés et observation des territoires.",
    "Coopération transfrontalière au sein des frontières maritimes":
        "Le savoir-faire couvre la coopération le long des frontières maritimes : gestion commune des "
        "espaces marins, liaisons maritimes, gouvernance partagée.",
    "Appui à la décentralisation et à la régionalisation":
        "Le savoir-faire proposé porte sur l'organisation d'une administration locale : organigramme, "
        "gestion des ressources humaines, procédures budgétaires et contrôle de gestion.",
    "Finances locales et mobilisation des ressources fiscales":
        "L'expertise concerne la mobilisation des ressources propres : recensement fiscal, adressage, "
        "taxes de marché, amélioration du recouvrement.",
    "Modernisation de l'état civil":
        "Les compétences visées couvrent la tenue de l'état civil, sa numérisation et la sécurisation des actes.",
    "Intégration des ODD dans les politiques publiques":
        "Il s'agit d'accompagner une collectivité dans l'intégration des objectifs de développement "
        "durable dans son budget et ses politiques publiques.",
    "Développement économique local et appui aux très petites entreprises":
        "Le savoir-faire proposé porte sur l'accompagnement des très petites entreprises : pépinières, "
        "microcrédit, structuration des marchés et des filières locales.",
    "Insertion professionnelle des jeunes":
        "L'expertise concerne l'insertion professionnelle : chantiers d'insertion, clauses sociales dans "
        "les marchés publics, accompagnement des jeunes sans qualification.",
    "Économie sociale et solidaire":
        "L'expertise concerne le soutien à l'économie sociale et solidaire : coopératives, structures "
        "d'insertion, achats publics responsables et monnaies locales.",
    "Administration en ligne et services numériques aux usagers":
        "Le savoir-faire proposé porte sur la dématérialisation des démarches administratives, la gestion "
        "de la relation aux usagers et l'inclusion numérique.",
    "Création numérique":
        "Les compétences visées couvrent l'accompagnement de la création numérique : lieux de fabrication, "
        "festivals, résidences d'artistes numériques.",
    "Systèmes d'information géographique":
        "L'expertise concerne les systèmes d'information géographique : constitution de bases de données "
        "territoriales, cartographie des réseaux, formation des agents.",
    "Action sociale et accompagnement des personnes âgées":
        "Le savoir-faire proposé porte sur l'organisation de l'action sociale de proximité : accueil "
        "social, accompagnement des personnes âgées, maintien à domicile.",
    "Santé communautaire et prévention":
        "L'expertise concerne la santé communautaire : contrats locaux de santé, centres de santé "
        "municipaux, prévention et promotion de la santé.",
    "Cohésion sociale dans les quartiers prioritaires":
        "Le savoir-faire porte sur la politique de la ville : contrats de ville, maisons de quartier, "
        "médiation et participation des habitants.",
    "Mobilité internationale des jeunes":
        "Le savoir-faire proposé porte sur l'accompagnement de la mobilité internationale des jeunes : "
        "volontariat, chantiers de jeunes, échanges scolaires.",
    "Restauration scolaire et éducation alimentaire":
        "L'expertise concerne la restauration scolaire : cuisine centrale, approvisionnement local, "
        "éducation au goût et lutte contre le gaspillage.",
    "Politiques éducatives locales":
        "L'expertise concerne les politiques éducatives locales : projet éducatif de territoire, accueil "
        "périscolaire, lutte contre le décrochage scolaire.",
    "Lutte contre les violences faites aux femmes":
        "Le savoir-faire proposé porte sur les dispositifs de prévention et de protection des femmes "
        "victimes de violences : observatoire, téléphone grave danger, hébergement d'urgence.",
    "Égalité femmes-hommes dans les politiques locales":
        "L'expertise concerne l'intégration de l'égalité femmes-hommes dans les politiques locales : "
        "budgétisation sensible au genre, formation des agents, rapport annuel.",
    "Accueil et intégration des personnes migrantes":
        "Le savoir-faire proposé porte sur l'accueil des personnes migrantes : premier accueil, accès aux "
        "droits, apprentissage du français, insertion.",
    "Médiation et prévention des conflits locaux":
        "L'expertise concerne la médiation sociale et la prévention des conflits de voisinage.",
    "Filière laitière":
        "Le savoir-faire proposé porte sur la structuration des filières agricoles locales : collecte du "
        "lait, transformation, qualité sanitaire et commercialisation.",
    "Agriculture urbaine et circuits courts":
        "L'expertise concerne les circuits courts et l'agriculture urbaine : marchés de producteurs, "
        "légumeries, jardins partagés, approvisionnement de la restauration collective.",
    "Développement rural et projet alimentaire territorial":
        "Le savoir-faire porte sur l'élaboration d'un projet alimentaire territorial : diagnostic agricole, "
        "installation de jeunes agriculteurs, approvisionnement local de la restauration collective.",
}

# Qualification phrasings shared by all scopes; {dip} is a diploma of the scope,
# {field} its field.  Gendered words are given as (masculine, feminine).
QUALIFICATIONS = [
    ("Titulaire {dip}, {n} ans d'expérience {field}", None),
    ("{n} ans d'expérience {field} ; a conduit {k} missions de coopération {country_en}", None),
    ("Titulaire {dip} ; formateur auprès du CNFPT", "Titulaire {dip} ; formatrice auprès du CNFPT"),
    ("Titulaire {dip} ; expert reconnu {field} depuis {n} ans",
     "Titulaire {dip} ; experte reconnue {field} depuis {n} ans"),
    ("{n} ans d'expérience {field}, dont {k} à l'international", None),
]
ELECTED_QUALIFICATIONS = [
    ("Élu depuis {y} ; ancien cadre de la fonction publique d'État, {n} ans d'expérience {field}",
     "Élue depuis {y} ; ancienne cadre de la fonction publique d'État, {n} ans d'expérience {field}"),
    ("Élu depuis {y}, a présidé le comité de pilotage du projet ; ingénieur de formation",
     "Élue depuis {y}, a présidé le comité de pilotage du projet ; ingénieure de formation"),
    ("Conduit depuis {y} la politique de la collectivité {field} ; {k} missions à l'étranger", None),
]

# An association grounds its expertise in its members' practice on their territories.
ASSOCIATION_TERRITORY = [
    "{The} fédère {size} et capitalise depuis {y1} leur expérience {field} : guides "
    "méthodologiques, formations d'élus, échanges de pratiques entre adhérents.",
    "Depuis sa création en {y1}, {short} accompagne ses adhérents ({size}) dans l'exercice de "
    "leurs compétences {field} et anime un groupe de travail permanent sur ce thème.",
]
# Bodies that are not collectivités still cite decentralised-cooperation work.
OUTSIDER_COOPERATION = [
    "Depuis {y1}, {short} a accompagné, en qualité d'assistance à maîtrise d'ouvrage, les "
    "coopérations décentralisées de quinze collectivités françaises, notamment avec {partner} ({country}).",
    "{The} est partenaire depuis {y1} de la coopération décentralisée conduite avec {partner} "
    "({country}), dans le cadre de laquelle ont été conduites des études et des formations {field}.",
]

# People of a dossier that names no field of expertise get functions and
# qualifications that do not reveal one either.
GENERIC = _s("generique", [("—", ["gouvernance-locale"])],
             "aux relations internationales", "des relations internationales", [""], [""],
             [("Directeur général adjoint des services", "Directrice générale adjointe des services"),
              ("Chargé de mission relations internationales", "Chargée de mission relations internationales"),
              ("Ingénieur territorial, direction des services techniques",
               "Ingénieure territoriale, direction des services techniques")],
             [], ["d'un master en administration publique", "d'un diplôme d'ingénieur territorial"],
             "dans la conduite de projets territoriaux", [""], [""], [""], [""])
