"""Demo catalogue content for Essaimage (pure data, no Django import).

Read by `innovations.demo.load()`. Every text is plain text (no HTML, no markdown). Commune codes are
INSEE codes (strings, leading zeros kept). Checked by `tests/innovations/test_demo_content.py`.
"""

INNOVATIONS = [
    # 1 ------------------------------------------------------------------------------------------------
    {
        "title": "Maison de santé pluriprofessionnelle itinérante pour les villages de Lozère",
        "summary": (
            "Un camion médicalisé aménagé par le Département sillonne chaque semaine quatorze communes sans "
            "médecin. Médecins, infirmières en pratique avancée et sages-femmes de la maison de santé de Mende y "
            "assurent consultations, dépistages et suivi des maladies chroniques, avec une téléconsultation "
            "assistée lorsque le spécialiste est à distance."
        ),
        "themes": ["sante", "ruralite"],
        "stage": "en_essaimage",
        "problem": (
            "Plus d'un tiers des communes lozériennes sont situées à plus de vingt minutes d'un médecin "
            "généraliste, et leur population est âgée et peu mobile. Les renoncements aux soins se multiplient, en "
            "particulier pour le suivi du diabète et des pathologies cardiovasculaires. Les jeunes professionnels "
            "refusent par ailleurs de s'installer seuls dans des cabinets isolés."
        ),
        "solution": (
            "Le Département a acquis et aménagé un véhicule comprenant deux salles de consultation, un poste de "
            "téléconsultation et un espace de prélèvement. La maison de santé pluriprofessionnelle de Mende "
            "organise les tournées : chaque village est desservi une demi-journée tous les quinze jours. Les "
            "mairies mettent à disposition un emplacement raccordé au réseau électrique et relaient les prises de "
            "rendez-vous auprès des habitants."
        ),
        "public_concerned": (
            "Habitants des communes rurales éloignées d'un cabinet médical, en priorité les personnes âgées, les "
            "patients atteints de maladies chroniques et les familles sans véhicule. Les soignants de la maison de "
            "santé, qui partagent leur temps entre le cabinet et les tournées, sont également concernés."
        ),
        "results": (
            "En deux ans, 4 300 consultations ont été réalisées auprès de 1 850 patients différents, dont 62 % de "
            "plus de 65 ans. La part des patients diabétiques sans suivi annuel a baissé de 38 % sur le territoire "
            "desservi. Trois jeunes médecins ont rejoint la maison de santé en citant l'exercice itinérant comme "
            "l'une des raisons de leur installation."
        ),
        "evidence": (
            "L'Observatoire régional de la santé a comparé les indicateurs de suivi avec ceux d'un territoire "
            "témoin de profil comparable. Le rapport final a été présenté en séance du conseil départemental en "
            "mars 2024."
        ),
        "costs": (
            "L'acquisition et l'aménagement du véhicule ont coûté 280 000 €. Le fonctionnement annuel, hors "
            "rémunération des soignants couverte par la facturation des actes, s'élève à 65 000 € pour le "
            "carburant, l'entretien, l'assurance et la coordination."
        ),
        "links": [
            "https://www.lozere.fr/sante/maison-de-sante-itinerante",
            "https://www.occitanie.ars.sante.fr/innovations/camion-medical-lozere",
        ],
        "commune": "48095",
        "organisation": ("Département de la Lozère", "collectivite"),
        "grid": {
            "value_proposition": (
                "Ramener une offre de soins de premier recours au plus près des habitants isolés, sans exiger "
                "l'installation d'un médecin dans chaque commune."
            ),
            "beneficiaries": (
                "Patients des communes sans médecin, professionnels de santé en quête d'un exercice collectif et "
                "mairies rurales confrontées à la désertification médicale."
            ),
            "key_partners": (
                "Maison de santé pluriprofessionnelle de Mende, ARS Occitanie, caisse primaire d'assurance maladie "
                "et mairies desservies."
            ),
            "key_resources": (
                "Un véhicule médicalisé, un coordinateur de tournées à mi-temps, un logiciel de rendez-vous partagé "
                "et une connexion satellitaire pour la téléconsultation."
            ),
            "cost_structure": (
                "Investissement initial dans le véhicule, puis charges annuelles de carburant, d'entretien, "
                "d'assurance et de coordination."
            ),
            "revenue_model": (
                "Les actes sont facturés à l'Assurance maladie par les professionnels. Le Département finance la "
                "logistique et l'ARS le poste de coordination."
            ),
            "transfer_skills": (
                "Un coordinateur capable de bâtir un planning de tournées et une équipe de soignants déjà organisée "
                "en exercice coordonné."
            ),
            "transfer_budget": (
                "Environ 300 000 € d'investissement, puis 60 000 à 70 000 € de fonctionnement par an."
            ),
            "transfer_time": (
                "Douze à dix-huit mois, dont six mois de délai de livraison et d'aménagement du véhicule."
            ),
            "transfer_legal": (
                "Convention entre la collectivité propriétaire du véhicule et la maison de santé, et déclaration "
                "d'un lieu d'exercice secondaire auprès de l'Ordre des médecins."
            ),
        },
        "funding": [
            ("Département de la Lozère", 45),
            ("ARS Occitanie, fonds d'intervention régional", 35),
            ("Dotation de soutien à l'investissement local", 20),
        ],
        "replications": [
            {
                "organisation": ("Département de la Creuse", "collectivite"),
                "commune": "23096",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": (
                    "Véhicule plus compact, centré sur la téléconsultation assistée par une infirmière faute de "
                    "médecins disponibles pour les tournées."
                ),
            },
            {
                "organisation": ("Département du Cantal", "collectivite"),
                "commune": "15014",
                "mode": "partenariat",
                "status": "en_cours",
                "adaptations": (
                    "Le véhicule est mutualisé avec les campagnes de dépistage organisé des cancers portées par "
                    "l'Assurance maladie."
                ),
            },
            {
                "organisation": ("Communauté d'agglomération Gap-Tallard-Durance", "collectivite"),
                "commune": "05061",
                "mode": "diffusion",
                "status": "interesse",
                "adaptations": (
                    "Tournées envisagées dans les vallées de montagne, avec un véhicule équipé pour circuler sur "
                    "routes enneigées."
                ),
            },
        ],
        "status": "published",
        "owner": "elise.fournier@demo.essaimage.fr",
        "owner_name": ("Élise", "Fournier"),
        "moderation_message": "",
    },
    # 2 ------------------------------------------------------------------------------------------------
    {
        "title": "Covoiturage solidaire pour l'accès à l'emploi en Creuse",
        "summary": (
            "Une plateforme téléphonique met en relation des conducteurs bénévoles et des personnes sans véhicule "
            "qui doivent se rendre à un entretien d'embauche, à une formation ou à leur travail pendant les "
            "premiers mois. Les trajets sont indemnisés au kilomètre et les conducteurs assurés par l'association."
        ),
        "themes": ["mobilite", "emploi", "ruralite"],
        "stage": "eprouvee",
        "problem": (
            "En Creuse, un demandeur d'emploi sur quatre déclare avoir renoncé à un emploi ou à une formation faute "
            "de moyen de transport. Les lignes régulières de car sont rares et ne desservent pas les zones "
            "d'activité aux horaires postés. Les plateformes de covoiturage classiques ne fonctionnent pas avec un "
            "si faible volume de trajets."
        ),
        "solution": (
            "Les prescripteurs (France Travail, mission locale, travailleurs sociaux) réservent un trajet pour la "
            "personne qu'ils accompagnent, par téléphone ou sur une application simplifiée. Des conducteurs "
            "bénévoles, souvent retraités, assurent le trajet contre une indemnité de 0,32 € par kilomètre versée "
            "par l'association. Le service est limité à trois mois par bénéficiaire, le temps de trouver une "
            "solution durable : permis, location sociale de véhicule ou covoiturage entre collègues."
        ),
        "public_concerned": (
            "Demandeurs d'emploi, allocataires du RSA, jeunes suivis par la mission locale et salariés en période "
            "d'essai sans solution de mobilité. Les conducteurs bénévoles sont majoritairement des retraités du "
            "territoire."
        ),
        "results": (
            "En 2023, 3 120 trajets ont été réalisés pour 410 bénéficiaires, grâce à 96 conducteurs bénévoles "
            "actifs. Six mois après leur dernier trajet, 58 % des bénéficiaires étaient en emploi ou en formation. "
            "Le coût moyen d'un trajet est de 11 €, contre 45 € pour un taxi."
        ),
        "evidence": (
            "Suivi de cohorte réalisé par l'association avec la DDETS de la Creuse, à partir des données de France "
            "Travail sur la situation des bénéficiaires à six mois. Les résultats ont été présentés au comité "
            "départemental de la mobilité solidaire en 2024."
        ),
        "costs": (
            "Le budget annuel est de 92 000 €, dont 35 000 € d'indemnités kilométriques et 1,2 équivalent temps "
            "plein de coordination. L'application a été adaptée pour 18 000 € à partir d'un logiciel libre "
            "existant."
        ),
        "links": ["https://www.mobilite-solidaire-creuse.fr/covoiturage-solidaire"],
        "commune": "23096",
        "organisation": ("Association Mobilité solidaire Creuse", "association"),
        "grid": {
            "value_proposition": (
                "Lever le frein de la mobilité au moment décisif du retour à l'emploi, pour un coût très inférieur "
                "aux solutions de transport individuel."
            ),
            "beneficiaries": (
                "Personnes en insertion sans véhicule, prescripteurs de l'accompagnement vers l'emploi et "
                "employeurs locaux en difficulté de recrutement."
            ),
            "key_partners": (
                "France Travail, mission locale, Département de la Creuse, DDETS et un assureur mutualiste."
            ),
            "key_resources": (
                "Un réseau de conducteurs bénévoles, une coordinatrice, une application de réservation et un "
                "contrat d'assurance spécifique."
            ),
            "cost_structure": (
                "Indemnités kilométriques, salaire de coordination, assurance et maintenance de l'application."
            ),
            "revenue_model": (
                "Subventions publiques et participation symbolique de 1 € par trajet demandée aux bénéficiaires."
            ),
            "transfer_skills": (
                "Animation d'un réseau de bénévoles et connaissance fine des acteurs de l'insertion du territoire."
            ),
            "transfer_budget": "Entre 60 000 et 100 000 € par an selon la taille du territoire couvert.",
            "transfer_time": (
                "Six mois pour recruter les premiers conducteurs et conventionner les prescripteurs."
            ),
            "transfer_legal": (
                "Contrat d'assurance couvrant les conducteurs bénévoles et vérification du régime fiscal des "
                "indemnités kilométriques."
            ),
        },
        "funding": [
            ("Département de la Creuse", 40),
            ("DDETS, stratégie de prévention et de lutte contre la pauvreté", 30),
            ("Fondation d'entreprise régionale", 20),
            ("Participation des bénéficiaires", 10),
        ],
        "replications": [
            {
                "organisation": ("Association Mobilités rurales du Bourbonnais", "association"),
                "commune": "03185",
                "mode": "affiliation",
                "status": "en_cours",
                "adaptations": (
                    "Le service est étendu aux trajets vers les consultations médicales, en plus des démarches "
                    "liées à l'emploi."
                ),
            },
            {
                "organisation": ("Mission locale du Grand Rodez", "association"),
                "commune": "12202",
                "mode": "diffusion",
                "status": "interesse",
                "adaptations": (
                    "Public limité aux jeunes de 16 à 25 ans, avec un volet d'aide au financement du permis de "
                    "conduire."
                ),
            },
        ],
        "status": "published",
        "owner": "francois.rousseau@demo.essaimage.fr",
        "owner_name": ("François", "Rousseau"),
        "moderation_message": "",
    },
    # 3 ------------------------------------------------------------------------------------------------
    {
        "title": "Épicerie sociale et solidaire sur les campus universitaires",
        "summary": (
            "Une épicerie animée par des étudiants bénévoles et un salarié du CROUS propose des produits "
            "alimentaires et d'hygiène à 10 à 30 % de leur prix habituel. L'accès est ouvert sur critères sociaux "
            "et s'accompagne d'un entretien avec une assistante sociale qui ouvre les droits aux autres aides."
        ),
        "themes": ["solidarites", "alimentation-agriculture", "education"],
        "stage": "en_essaimage",
        "problem": (
            "Depuis 2020, les demandes d'aide alimentaire d'urgence des étudiants poitevins ont triplé. Beaucoup "
            "sautent un repas par jour et n'osent pas se rendre dans les structures d'aide alimentaire classiques. "
            "Les distributions ponctuelles de colis ne permettent pas de repérer les situations de grande "
            "précarité."
        ),
        "solution": (
            "Le CROUS a aménagé un local de 120 m² au cœur du campus, approvisionné par la Banque alimentaire, des "
            "producteurs locaux et des dons de la grande distribution. Les étudiants éligibles font leurs courses "
            "librement, comme dans un commerce, et paient un prix symbolique. Chaque inscription donne lieu à un "
            "entretien avec le service social, qui vérifie l'accès aux bourses et aides d'urgence."
        ),
        "public_concerned": (
            "Étudiants boursiers ou en situation de précarité, y compris les étudiants internationaux non éligibles "
            "aux bourses. Les étudiants bénévoles qui font fonctionner l'épicerie acquièrent une expérience "
            "reconnue dans leur cursus."
        ),
        "results": (
            "L'épicerie compte 1 450 inscrits par an et enregistre en moyenne 380 passages par semaine. 41 % des "
            "inscrits ont obtenu une aide complémentaire après l'entretien social. Le panier moyen, d'une valeur de "
            "35 €, est facturé 6 € aux étudiants."
        ),
        "evidence": (
            "Enquête annuelle de satisfaction auprès des inscrits et bilan d'activité du service social du CROUS, "
            "présentés au conseil d'administration. Une étude sociologique sur le non-recours à l'aide alimentaire "
            "étudiante est en cours avec l'université."
        ),
        "costs": (
            "Le fonctionnement annuel représente 140 000 €, dont un poste de coordinateur, le loyer et les achats "
            "complémentaires de produits frais. Les dons en nature sont valorisés à environ 210 000 € par an."
        ),
        "links": ["https://www.crous-poitiers.fr/aides-sociales/epicerie-solidaire"],
        "commune": "86194",
        "organisation": ("CROUS de Poitiers", "operateur"),
        "grid": {
            "value_proposition": (
                "Offrir une aide alimentaire digne et régulière, tout en faisant de chaque passage une porte "
                "d'entrée vers l'accompagnement social."
            ),
            "beneficiaries": (
                "Étudiants en précarité, service social du CROUS et associations étudiantes qui trouvent un lieu "
                "d'engagement."
            ),
            "key_partners": (
                "Banque alimentaire de la Vienne, Université de Poitiers, producteurs locaux et enseignes de la "
                "grande distribution."
            ),
            "key_resources": (
                "Un local accessible sur le campus, un coordinateur salarié, une équipe d'une trentaine de "
                "bénévoles et un logiciel de caisse avec gestion des droits."
            ),
            "cost_structure": (
                "Masse salariale du coordinateur, loyer et fluides, achats de produits frais, chambre froide."
            ),
            "revenue_model": (
                "Crédits d'action sociale du CROUS, contribution de vie étudiante et de campus, subvention "
                "régionale et recettes symboliques des ventes."
            ),
            "transfer_skills": (
                "Gestion de stock alimentaire et respect des règles d'hygiène, animation de bénévoles, travail "
                "social."
            ),
            "transfer_budget": "100 000 à 150 000 € par an, plus 30 000 € d'aménagement initial.",
            "transfer_time": "Six à neuf mois entre la décision et l'ouverture.",
            "transfer_legal": (
                "Habilitation à l'aide alimentaire et convention avec la Banque alimentaire départementale."
            ),
        },
        "funding": [
            ("CROUS, crédits d'action sociale", 50),
            ("Région Nouvelle-Aquitaine", 25),
            ("Université de Poitiers, contribution de vie étudiante et de campus", 25),
        ],
        "replications": [
            {
                "organisation": ("CROUS de Limoges", "operateur"),
                "commune": "87085",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": (
                    "Deux épiceries plus petites et une antenne mobile qui se rend sur les sites universitaires "
                    "délocalisés."
                ),
            },
            {
                "organisation": ("CROUS Bourgogne-Franche-Comté", "operateur"),
                "commune": "25056",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": (
                    "Épicerie installée dans une résidence universitaire et ouverte en soirée pour les étudiants "
                    "salariés."
                ),
            },
            {
                "organisation": ("Association Étudiants solidaires d'Amiens", "association"),
                "commune": "80021",
                "mode": "partenariat",
                "status": "en_cours",
                "inspired_by": 1,
                "adaptations": (
                    "Gestion associative, avec l'appui logistique et le local mis à disposition par le CROUS."
                ),
            },
            {
                "organisation": ("CROUS de Normandie", "operateur"),
                "commune": "14118",
                "mode": "diffusion",
                "status": "interesse",
                "inspired_by": 0,
                "adaptations": "Étude en cours pour une ouverture sur le campus 2 de l'université de Caen.",
            },
        ],
        "status": "published",
        "owner": "francois.rousseau@demo.essaimage.fr",
        "owner_name": ("François", "Rousseau"),
        "moderation_message": "",
    },
    # 4 ------------------------------------------------------------------------------------------------
    {
        "title": "Tiers-lieux numériques en réseau dans les bourgs du Cantal",
        "summary": (
            "Huit tiers-lieux installés dans d'anciens commerces ou gares de bourgs-centres proposent un espace de "
            "coworking, un accompagnement aux démarches en ligne et des formations au numérique. Un animateur "
            "itinérant commun et une carte d'accès unique font fonctionner le réseau comme un seul équipement."
        ),
        "themes": ["numerique", "ruralite", "emploi"],
        "stage": "generalisee",
        "problem": (
            "Les bourgs du Cantal perdent leurs commerces et leurs services, et les habitants doivent parcourir des "
            "dizaines de kilomètres pour être accompagnés dans leurs démarches en ligne. Les télétravailleurs et "
            "indépendants installés récemment manquent de lieux pour travailler et se rencontrer. Un tiers-lieu "
            "isolé peine à atteindre l'équilibre avec une fréquentation trop faible."
        ),
        "solution": (
            "L'agglomération a constitué un réseau de huit lieux partageant une charte, une carte d'accès, un "
            "logiciel de réservation et une programmation commune. Chaque lieu est porté localement par une commune "
            "ou une association, tandis que l'agglomération finance deux animateurs itinérants. Les conseillers "
            "numériques y tiennent des permanences régulières."
        ),
        "public_concerned": (
            "Habitants éloignés du numérique, télétravailleurs, créateurs d'entreprise, associations locales et "
            "agents publics en déplacement qui ont besoin d'un poste de travail. Les communes porteuses y trouvent "
            "également un moyen de réoccuper des locaux vacants en centre-bourg."
        ),
        "results": (
            "Le réseau a accueilli 21 000 visites en 2023 et compte 640 abonnés au coworking. 2 700 personnes ont "
            "été accompagnées dans leurs démarches en ligne. Deux anciens commerces vacants ont été réhabilités et "
            "une quarantaine d'actifs déclarent s'être installés sur le territoire grâce à ces lieux."
        ),
        "evidence": (
            "Évaluation menée dans le cadre du programme national de soutien aux tiers-lieux, et indicateurs de "
            "fréquentation consolidés chaque trimestre par l'agglomération. Les résultats ont été présentés lors "
            "des rencontres régionales des tiers-lieux en 2024."
        ),
        "costs": (
            "Le coût d'aménagement moyen d'un lieu est de 120 000 €. Le réseau coûte 210 000 € par an en "
            "fonctionnement, couverts à 35 % par les abonnements et locations de salles."
        ),
        "links": [
            "https://www.caba.fr/tiers-lieux-reseau",
            "https://agence-cohesion-territoires.gouv.fr/tiers-lieux-cantal",
        ],
        "commune": "15014",
        "organisation": ("Communauté d'agglomération du Bassin d'Aurillac", "collectivite"),
        "grid": {
            "value_proposition": (
                "Rendre viables des tiers-lieux en zone peu dense en mutualisant animation, outils et communication "
                "à l'échelle d'un réseau."
            ),
            "beneficiaries": (
                "Habitants, télétravailleurs, indépendants, associations et communes qui retrouvent un lieu de vie "
                "dans leur bourg."
            ),
            "key_partners": (
                "Communes membres, associations gestionnaires, Région, Banque des Territoires et réseau régional "
                "des tiers-lieux."
            ),
            "key_resources": (
                "Des locaux vacants réhabilités, deux animateurs itinérants, un logiciel de réservation commun et "
                "des conseillers numériques."
            ),
            "cost_structure": (
                "Investissement dans l'aménagement des lieux, puis salaires d'animation, abonnements numériques, "
                "fluides et assurances."
            ),
            "revenue_model": (
                "Abonnements au coworking, locations de salles, prestations de formation et subventions de "
                "fonctionnement dégressives."
            ),
            "transfer_skills": (
                "Animation de communauté, gestion de projet immobilier et montage de dossiers de financement."
            ),
            "transfer_budget": (
                "Environ 100 000 à 150 000 € par lieu à l'investissement, et 25 000 € par lieu et par an en "
                "fonctionnement."
            ),
            "transfer_time": "Deux à trois ans pour constituer un réseau de cinq lieux ou plus.",
            "transfer_legal": (
                "Conventions d'occupation entre communes et gestionnaires, et éventuellement une société "
                "coopérative d'intérêt collectif pour porter le réseau."
            ),
        },
        "funding": [
            ("Communauté d'agglomération du Bassin d'Aurillac", 35),
            ("Recettes propres des lieux", 30),
            ("Région Auvergne-Rhône-Alpes", 20),
            ("Agence nationale de la cohésion des territoires", 15),
        ],
        "replications": [
            {
                "organisation": ("Rodez Agglomération", "collectivite"),
                "commune": "12202",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": (
                    "Réseau de cinq lieux, dont deux installés dans des médiathèques existantes."
                ),
            },
            {
                "organisation": ("Communauté d'agglomération Gap-Tallard-Durance", "collectivite"),
                "commune": "05061",
                "mode": "partenariat",
                "status": "realise",
                "adaptations": (
                    "Accent mis sur l'accueil des saisonniers et des travailleurs indépendants du tourisme."
                ),
            },
            {
                "organisation": ("Association Lozère Tiers-lieux", "association"),
                "commune": "48095",
                "mode": "affiliation",
                "status": "en_cours",
                "adaptations": (
                    "Le réseau lozérien adopte la charte et la carte d'accès communes, avec un animateur salarié "
                    "par l'association."
                ),
            },
        ],
        "status": "published",
        "owner": "elise.fournier@demo.essaimage.fr",
        "owner_name": ("Élise", "Fournier"),
        "moderation_message": "",
    },
    # 5 ------------------------------------------------------------------------------------------------
    {
        "title": "Cantines scolaires approvisionnées par une régie agricole municipale",
        "summary": (
            "La ville cultive elle-même, sur quatre hectares de terres communales, une large part des légumes "
            "servis dans ses cantines scolaires. Deux maraîchers municipaux livrent la cuisine centrale, qui a "
            "atteint 72 % de produits biologiques sans augmentation du prix du repas pour les familles."
        ),
        "themes": ["alimentation-agriculture", "education", "transition-ecologique"],
        "stage": "eprouvee",
        "problem": (
            "La cuisine centrale peinait à respecter les objectifs de la loi EGalim faute de fournisseurs locaux "
            "capables de livrer des volumes réguliers. Les légumes bio achetés sur les marchés publics venaient de "
            "loin et coûtaient cher. Le gaspillage alimentaire dans les restaurants scolaires dépassait 120 grammes "
            "par repas."
        ),
        "solution": (
            "La commune a créé une régie agricole sur d'anciennes terres maraîchères dont elle était propriétaire, "
            "et recruté deux maraîchers sous statut d'agent territorial. Les menus sont construits avec eux en "
            "fonction des saisons et de la production prévue. Des ateliers de découverte du potager sont proposés "
            "aux classes pour travailler aussi sur le gaspillage."
        ),
        "public_concerned": (
            "Les 2 300 enfants des écoles maternelles et élémentaires publiques, leurs familles, les équipes de la "
            "cuisine centrale et les enseignants qui utilisent le potager comme support pédagogique. Les "
            "agriculteurs bio du département bénéficient aussi des commandes complémentaires de la cuisine "
            "centrale."
        ),
        "results": (
            "La régie produit 24 tonnes de légumes par an, soit 60 % des légumes servis. La part de produits bio "
            "est passée de 18 % à 72 % en quatre ans et le gaspillage a reculé de 40 %. Le coût des denrées par "
            "repas est resté stable à 2,10 €, les économies sur le gaspillage compensant le surcoût du bio."
        ),
        "evidence": (
            "Pesées du gaspillage réalisées deux fois par an par la cuisine centrale et bilan comptable de la régie "
            "présenté en conseil municipal. Les taux de produits durables sont déclarés chaque année sur la "
            "plateforme nationale de suivi de la restauration collective."
        ),
        "costs": (
            "L'installation de la régie (serres, irrigation, matériel) a coûté 190 000 €. Le fonctionnement annuel, "
            "salaires compris, est de 105 000 €, en partie compensé par la baisse des achats de légumes."
        ),
        "links": ["https://www.mairie-cahors.fr/education/cantines-regie-agricole"],
        "commune": "46042",
        "organisation": ("Mairie de Cahors", "collectivite"),
        "grid": {
            "value_proposition": (
                "Sécuriser un approvisionnement bio et local pour la restauration scolaire, en maîtrisant les coûts "
                "et en éduquant au goût."
            ),
            "beneficiaries": (
                "Enfants des écoles publiques, familles, cuisine centrale et enseignants."
            ),
            "key_partners": (
                "Chambre d'agriculture, lycée agricole voisin, Groupement des agriculteurs biologiques et Éducation "
                "nationale."
            ),
            "key_resources": (
                "Quatre hectares de terres communales, deux maraîchers, des serres et un système d'irrigation."
            ),
            "cost_structure": (
                "Salaires des maraîchers, semences, petit matériel, eau et amortissement des serres."
            ),
            "revenue_model": (
                "Économies sur les achats de légumes et sur le gaspillage, sans recette directe."
            ),
            "transfer_skills": (
                "Compétences maraîchères, planification des menus à partir de la production et pilotage d'une régie "
                "municipale."
            ),
            "transfer_budget": (
                "150 000 à 200 000 € d'investissement et un peu plus de 100 000 € par an de fonctionnement."
            ),
            "transfer_time": "Deux ans, dont une saison complète de mise en culture avant les premières livraisons.",
            "transfer_legal": (
                "Création d'une régie en conseil municipal et disponibilité de terres agricoles communales ou "
                "acquises avec la SAFER."
            ),
        },
        "funding": [
            ("Mairie de Cahors, budget de la restauration scolaire", 60),
            ("Plan de relance, volet alimentation locale", 25),
            ("Agence de l'eau Adour-Garonne", 15),
        ],
        "replications": [
            {
                "organisation": ("Mairie de Foix", "collectivite"),
                "commune": "09122",
                "mode": "diffusion",
                "status": "en_cours",
                "adaptations": (
                    "Régie plus modeste sur un hectare, complétée par un marché réservé aux producteurs ariégeois."
                ),
            },
            {
                "organisation": ("Ville de Périgueux", "collectivite"),
                "commune": "24322",
                "mode": "diffusion",
                "status": "interesse",
                "adaptations": (
                    "Étude de faisabilité sur des terres mises à disposition par le Département."
                ),
            },
        ],
        "status": "published",
        "owner": "aurelie.vidal@demo.essaimage.fr",
        "owner_name": ("Aurélie", "Vidal"),
        "moderation_message": "",
    },
    # 6 ------------------------------------------------------------------------------------------------
    {
        "title": "Guichet unique des démarches administratives en pied d'immeuble",
        "summary": (
            "Dans trois quartiers prioritaires, un guichet installé au rez-de-chaussée d'immeubles de logement "
            "social réunit la mairie, la CAF, France Travail et le bailleur. Les habitants y sont reçus sans "
            "rendez-vous et repartent avec une démarche réellement effectuée, et pas seulement une orientation."
        ),
        "themes": ["simplification", "solidarites"],
        "stage": "eprouvee",
        "problem": (
            "Les habitants des quartiers prioritaires sont renvoyés d'un guichet à l'autre pour des démarches qui "
            "se recoupent : aides au logement, prime d'activité, inscription scolaire ou réclamations auprès du "
            "bailleur. Beaucoup abandonnent avant d'avoir fait valoir leurs droits. Les agents de chaque "
            "institution manquent d'une vision d'ensemble de la situation des familles."
        ),
        "solution": (
            "La ville met à disposition un local en pied d'immeuble, aménagé avec le bailleur social. Chaque "
            "partenaire y détache un agent une à deux demi-journées par semaine, selon un planning commun. Une "
            "agente d'accueil municipale assure la continuité, prend en charge les démarches simples et organise "
            "les rendez-vous avec les partenaires."
        ),
        "public_concerned": (
            "Habitants des quartiers prioritaires de la politique de la ville, en particulier les familles "
            "monoparentales, les personnes âgées et les personnes peu à l'aise avec l'écrit ou le numérique. Les "
            "agents des institutions partenaires sont aussi concernés, puisqu'ils y travaillent en équipe avec "
            "leurs homologues."
        ),
        "results": (
            "En 2023, les trois guichets ont reçu 9 800 visites et traité 6 200 démarches. 72 % des demandes ont "
            "été réglées dès le premier passage. Le taux de recours à la prime d'activité a progressé de neuf "
            "points dans les quartiers concernés."
        ),
        "evidence": (
            "Les données de fréquentation sont suivies par la ville, et la CAF du Nord a mesuré l'évolution des "
            "taux de recours à partir de ses fichiers d'allocataires. Une enquête de satisfaction conduite auprès "
            "de 400 usagers complète ces données."
        ),
        "costs": (
            "Chaque guichet coûte environ 70 000 € par an à la ville, principalement le poste d'accueil et les "
            "charges du local. Les partenaires prennent en charge le temps de leurs agents détachés."
        ),
        "links": [
            "https://www.ville-roubaix.fr/demarches/guichet-pied-immeuble",
            "https://www.caf.fr/partenaires/caf-du-nord/guichets-partages",
        ],
        "commune": "59512",
        "organisation": ("Mairie de Roubaix", "collectivite"),
        "grid": {
            "value_proposition": (
                "Régler en un seul lieu et en un seul passage les démarches du quotidien des habitants les plus "
                "éloignés des services publics."
            ),
            "beneficiaries": (
                "Habitants des quartiers prioritaires et institutions partenaires qui gagnent en efficacité."
            ),
            "key_partners": (
                "CAF du Nord, France Travail, bailleur social, centre communal d'action sociale et caisse primaire "
                "d'assurance maladie."
            ),
            "key_resources": (
                "Un local en rez-de-chaussée, une agente d'accueil permanente et un planning partagé entre "
                "institutions."
            ),
            "cost_structure": "Poste d'accueil, loyer et charges du local, équipement informatique.",
            "revenue_model": (
                "Financement municipal et crédits de la politique de la ville, avec mise à disposition gratuite du "
                "local par le bailleur."
            ),
            "transfer_skills": (
                "Capacité à coordonner plusieurs institutions et à former une agente d'accueil polyvalente."
            ),
            "transfer_budget": "Environ 70 000 € par guichet et par an, hors temps des partenaires.",
            "transfer_time": "Six mois pour conventionner les partenaires et aménager le local.",
            "transfer_legal": (
                "Convention de partenariat multipartite et règles de partage d'informations conformes au RGPD."
            ),
        },
        "funding": [
            ("Mairie de Roubaix", 55),
            ("État, crédits de la politique de la ville", 30),
            ("Bailleur social, mise à disposition du local", 15),
        ],
        "replications": [
            {
                "organisation": ("Ville d'Amiens", "collectivite"),
                "commune": "80021",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": (
                    "Guichet installé dans un centre social existant plutôt qu'en pied d'immeuble."
                ),
            },
            {
                "organisation": ("Mairie d'Arras", "collectivite"),
                "commune": "62041",
                "mode": "diffusion",
                "status": "en_cours",
                "adaptations": (
                    "Version itinérante, le guichet se déplaçant chaque jour dans un quartier différent."
                ),
            },
        ],
        "status": "published",
        "owner": "agent@demo.essaimage.fr",
        "owner_name": ("Camille", "Martin"),
        "moderation_message": "",
    },
    # 7 ------------------------------------------------------------------------------------------------
    {
        "title": "Bourse aux matériaux de réemploi issus des chantiers municipaux",
        "summary": (
            "Les portes, cloisons, sanitaires et luminaires déposés lors des rénovations de bâtiments municipaux "
            "sont inventoriés, stockés puis cédés à bas prix aux associations, artisans et habitants. Une "
            "entreprise d'insertion assure la dépose soignée et la remise en état des matériaux."
        ),
        "themes": ["transition-ecologique", "ess"],
        "stage": "experimentation",
        "problem": (
            "Les chantiers de rénovation des écoles et équipements municipaux produisent chaque année des centaines "
            "de tonnes de déchets, dont une part importante est encore utilisable. Leur mise en décharge coûte cher "
            "et contredit les objectifs de la ville en matière d'économie circulaire. Les associations du "
            "territoire manquent pourtant de mobilier et de matériaux pour leurs locaux."
        ),
        "solution": (
            "Un diagnostic ressources est désormais réalisé avant chaque chantier municipal, et les marchés de "
            "travaux imposent une dépose sélective. Une entreprise d'insertion récupère, nettoie et stocke les "
            "éléments dans un entrepôt municipal. Une plateforme en ligne permet de les réserver, en priorité pour "
            "les associations et les services municipaux."
        ),
        "public_concerned": (
            "Services techniques municipaux, associations, artisans et habitants qui rénovent leur logement. Les "
            "salariés en insertion acquièrent des compétences dans les métiers de la déconstruction."
        ),
        "results": (
            "Sur les dix-huit premiers mois, 146 tonnes de matériaux ont été détournées de l'enfouissement, dont 62 "
            "% ont trouvé preneur. Douze salariés en insertion ont été formés à la dépose sélective. La ville a "
            "économisé 38 000 € de frais de traitement des déchets."
        ),
        "evidence": (
            "Bilan intermédiaire de l'expérimentation réalisé avec l'entreprise d'insertion, sur la base des "
            "bordereaux de suivi des déchets. Une évaluation complète est prévue au terme des trois ans "
            "d'expérimentation."
        ),
        "costs": (
            "Le dispositif coûte 85 000 € par an, dont 50 000 € de prestation d'insertion et 20 000 € de location "
            "et d'aménagement de l'entrepôt. Les ventes rapportent environ 15 000 € par an."
        ),
        "links": ["https://www.ville-roubaix.fr/transition/bourse-materiaux-reemploi"],
        "commune": "59512",
        "organisation": ("Mairie de Roubaix", "collectivite"),
        "grid": {
            "value_proposition": (
                "Transformer les déchets des chantiers publics en ressources pour le territoire tout en créant des "
                "emplois d'insertion."
            ),
            "beneficiaries": (
                "Associations, artisans, habitants, services municipaux et salariés en insertion."
            ),
            "key_partners": (
                "Entreprise d'insertion spécialisée dans le réemploi, bureau d'études en diagnostic ressources, "
                "Métropole Européenne de Lille."
            ),
            "key_resources": (
                "Un entrepôt de 600 m², un outil de réservation en ligne et des clauses de réemploi dans les "
                "marchés de travaux."
            ),
            "cost_structure": (
                "Prestation de l'entreprise d'insertion, entrepôt, diagnostics ressources et communication."
            ),
            "revenue_model": (
                "Ventes à prix solidaire, économies sur le traitement des déchets et aides de l'ADEME."
            ),
            "transfer_skills": (
                "Rédaction de clauses de réemploi dans les marchés publics et pilotage d'un prestataire "
                "d'insertion."
            ),
            "transfer_budget": "Entre 60 000 et 90 000 € par an selon le volume de chantiers.",
            "transfer_time": "Un an, le temps d'intégrer les clauses dans les premiers marchés.",
            "transfer_legal": (
                "Délibération fixant les tarifs de cession des biens réformés et clauses sociales et "
                "environnementales dans les marchés."
            ),
        },
        "funding": [
            ("Mairie de Roubaix", 50),
            ("ADEME, fonds économie circulaire", 35),
            ("Recettes des ventes", 15),
        ],
        "replications": [
            {
                "organisation": ("Métropole Européenne de Lille", "collectivite"),
                "commune": "59350",
                "mode": "partenariat",
                "status": "interesse",
                "adaptations": (
                    "Réflexion sur une bourse métropolitaine mutualisée entre plusieurs communes et bailleurs."
                ),
            },
        ],
        "status": "published",
        "owner": "agent@demo.essaimage.fr",
        "owner_name": ("Camille", "Martin"),
        "moderation_message": "",
    },
    # 8 ------------------------------------------------------------------------------------------------
    {
        "title": "Défi Familles zéro déchet dans les quartiers prioritaires",
        "summary": (
            "Pendant six mois, des familles volontaires pèsent leurs poubelles et participent à des ateliers "
            "pratiques : cuisine des restes, produits ménagers faits maison, achats en vrac, compostage. Le défi "
            "est animé par des habitants relais formés par la ville, dans les centres sociaux des quartiers."
        ),
        "themes": ["transition-ecologique", "participation-citoyenne"],
        "stage": "en_essaimage",
        "problem": (
            "Les actions de réduction des déchets touchent surtout des ménages déjà sensibilisés, peu présents dans "
            "les quartiers populaires. Le zéro déchet y est souvent perçu comme une démarche coûteuse et réservée à "
            "un public aisé. Les quartiers prioritaires produisent pourtant des volumes importants d'ordures "
            "ménagères résiduelles."
        ),
        "solution": (
            "La ville recrute des familles par l'intermédiaire des centres sociaux et leur fournit un kit de "
            "démarrage : balance, bocaux, composteur et sacs à vrac. Des ateliers mensuels sont animés par des "
            "habitants relais, formés et indemnisés, qui partagent les mêmes contraintes de budget que les "
            "participants. Les économies réalisées sont mesurées et valorisées lors d'un temps festif de clôture."
        ),
        "public_concerned": (
            "Familles des quartiers prioritaires, en particulier celles qui fréquentent les centres sociaux. Les "
            "habitants relais sont souvent d'anciens participants des éditions précédentes."
        ),
        "results": (
            "En cinq éditions, 420 familles ont participé et réduit en moyenne de 47 % le poids de leurs déchets. "
            "Elles déclarent une économie moyenne de 45 € par mois sur leurs achats. 38 anciens participants sont "
            "devenus habitants relais."
        ),
        "evidence": (
            "Pesées hebdomadaires réalisées par les familles et vérifiées par les animateurs, et enquête sur les "
            "dépenses du foyer en début et en fin de défi. La métropole a par ailleurs constaté une baisse du "
            "tonnage collecté dans les rues concernées."
        ),
        "costs": (
            "Une édition pour 80 familles coûte environ 36 000 €, dont 12 000 € de kits et 15 000 € d'indemnités et "
            "de formation des habitants relais. Les kits sont en partie réutilisés d'une édition à l'autre, ce qui "
            "réduit le coût des éditions suivantes."
        ),
        "links": [
            "https://www.ville-roubaix.fr/zero-dechet/defi-familles",
            "https://www.ademe.fr/collectivites/defi-familles-zero-dechet",
        ],
        "commune": "59512",
        "organisation": ("Mairie de Roubaix", "collectivite"),
        "grid": {
            "value_proposition": (
                "Montrer que réduire ses déchets fait économiser de l'argent, en s'appuyant sur des pairs issus des "
                "mêmes quartiers."
            ),
            "beneficiaries": (
                "Familles participantes, centres sociaux, habitants relais et service de collecte des déchets."
            ),
            "key_partners": (
                "Centres sociaux, Métropole Européenne de Lille, ADEME et associations de quartier."
            ),
            "key_resources": (
                "Un réseau d'habitants relais, des kits de démarrage, des salles d'atelier et une chargée de "
                "mission zéro déchet."
            ),
            "cost_structure": "Kits, indemnités des habitants relais, animation et communication.",
            "revenue_model": (
                "Subventions publiques, justifiées par la baisse des coûts de collecte et de traitement."
            ),
            "transfer_skills": (
                "Animation participative et capacité à travailler avec les centres sociaux."
            ),
            "transfer_budget": "Environ 450 € par famille accompagnée.",
            "transfer_time": "Quatre mois de préparation avant le lancement d'une première édition.",
            "transfer_legal": (
                "Convention avec les centres sociaux et cadre juridique adapté pour indemniser les habitants "
                "relais."
            ),
        },
        "funding": [
            ("Mairie de Roubaix", 40),
            ("Métropole Européenne de Lille", 35),
            ("ADEME", 25),
        ],
        "replications": [
            {
                "organisation": ("Ville de Lille", "collectivite"),
                "commune": "59350",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": "Défi proposé aux résidents de logements étudiants en plus des familles.",
            },
            {
                "organisation": ("Communauté urbaine du Grand Reims", "collectivite"),
                "commune": "51454",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": (
                    "Défi étendu aux communes rurales de la communauté urbaine, avec des ateliers en visio."
                ),
            },
            {
                "organisation": ("Metz Métropole", "collectivite"),
                "commune": "57463",
                "mode": "partenariat",
                "status": "en_cours",
                "adaptations": "Animation confiée à une association d'éducation populaire.",
            },
            {
                "organisation": ("Communauté urbaine d'Arras", "collectivite"),
                "commune": "62041",
                "mode": "diffusion",
                "status": "interesse",
                "adaptations": "Projet d'édition couplée avec un défi alimentation durable.",
            },
        ],
        "status": "published",
        "owner": "agent@demo.essaimage.fr",
        "owner_name": ("Camille", "Martin"),
        "moderation_message": "",
    },
    # 9 ------------------------------------------------------------------------------------------------
    {
        "title": "Permis de végétaliser les façades et les pieds d'arbres",
        "summary": (
            "Les habitants pourraient obtenir en ligne une autorisation d'occupation du domaine public pour planter "
            "et entretenir des plantes grimpantes au pied de leur façade ou autour des arbres de leur rue. La ville "
            "fournirait le percement du trottoir, la terre et un kit de plantes adaptées."
        ),
        "themes": ["transition-ecologique", "participation-citoyenne"],
        "stage": "idee",
        "problem": (
            "Les rues du centre de Roubaix sont très minérales et surchauffent l'été. De nombreux habitants "
            "souhaitent végétaliser leur rue mais se heurtent à des démarches longues et mal connues. Les "
            "plantations spontanées sont parfois retirées par les services faute d'autorisation."
        ),
        "solution": (
            "Un formulaire en ligne unique permettrait de déposer la demande, instruite en moins d'un mois. Les "
            "services de la voirie réaliseraient le percement, et les habitants signeraient une charte d'entretien. "
            "Des ateliers de conseil seraient organisés deux fois par an avec le service des espaces verts."
        ),
        "public_concerned": (
            "Habitants, commerçants et associations de quartier souhaitant embellir leur rue, ainsi que les "
            "services de la voirie et des espaces verts. Les écoles pourraient également demander un permis pour "
            "végétaliser leurs abords."
        ),
        "results": (
            "Le projet n'est pas encore lancé. Une consultation en ligne a recueilli 640 réponses, dont 81 % "
            "favorables, et 150 habitants se sont déclarés prêts à participer dès la première année."
        ),
        "evidence": "",
        "costs": (
            "Le coût estimé est de 250 € par fosse de plantation, soit 40 000 € pour 150 fosses la première année. "
            "Le temps d'instruction est estimé à un quart de poste."
        ),
        "links": [],
        "commune": "59512",
        "organisation": ("Mairie de Roubaix", "collectivite"),
        "grid": {
            "value_proposition": (
                "Rafraîchir et embellir les rues grâce aux habitants, avec une démarche simple et encadrée."
            ),
            "beneficiaries": "Habitants des rues minérales et passants.",
            "key_partners": "Services de la voirie et des espaces verts, associations de quartier.",
            "key_resources": "",
            "cost_structure": "",
            "revenue_model": "",
            "transfer_skills": "",
            "transfer_budget": "Environ 250 € par fosse de plantation.",
            "transfer_time": "Six mois pour mettre en place le formulaire et la charte.",
            "transfer_legal": "Arrêté municipal encadrant l'occupation du domaine public par les plantations.",
        },
        "funding": [],
        "replications": [],
        "status": "draft",
        "owner": "agent@demo.essaimage.fr",
        "owner_name": ("Camille", "Martin"),
        "moderation_message": "",
    },
    # 10 -----------------------------------------------------------------------------------------------
    {
        "title": "Conciergerie solidaire pour les agents municipaux",
        "summary": (
            "Une conciergerie installée à l'hôtel de ville prendrait en charge, pour les agents, des services du "
            "quotidien comme le pressing, la retouche, les paniers de légumes ou les petites réparations. Elle "
            "serait confiée à une structure d'insertion, afin de soutenir l'emploi local tout en améliorant la "
            "qualité de vie au travail."
        ),
        "themes": ["rh-publiques", "ess"],
        "stage": "idee",
        "problem": (
            "Les agents municipaux, notamment ceux qui travaillent en horaires décalés, ont du mal à concilier vie "
            "professionnelle et démarches du quotidien. La ville peine à recruter sur certains métiers et cherche à "
            "renforcer son attractivité. Les dispositifs d'action sociale existants sont peu utilisés."
        ),
        "solution": (
            "Une structure d'insertion par l'activité économique tiendrait une permanence quotidienne dans un local "
            "de l'hôtel de ville et sur deux sites techniques. Les agents commanderaient les services en ligne et "
            "les récupéreraient sur leur lieu de travail. Les prestations seraient payées par les agents, la ville "
            "finançant le local et une partie de l'animation."
        ),
        "public_concerned": (
            "Les 2 100 agents de la ville et du CCAS, en priorité ceux des services techniques et de la petite "
            "enfance. Les salariés en insertion de la structure prestataire en seraient les autres bénéficiaires."
        ),
        "results": (
            "Une enquête interne a montré que 64 % des agents utiliseraient au moins un service par mois. Le "
            "prestataire pressenti estime pouvoir créer trois postes en insertion."
        ),
        "evidence": "",
        "costs": (
            "Le coût pour la ville est estimé à 30 000 € par an, correspondant au local et à une subvention "
            "d'amorçage au prestataire. Les prestations elles-mêmes seraient facturées aux agents à des tarifs "
            "négociés."
        ),
        "links": [],
        "commune": "59512",
        "organisation": ("Mairie de Roubaix", "collectivite"),
        "grid": {
            "value_proposition": (
                "Améliorer la qualité de vie au travail des agents tout en créant des emplois d'insertion."
            ),
            "beneficiaries": "Agents municipaux et salariés en insertion.",
            "key_partners": "Structure d'insertion locale, comité des œuvres sociales, organisations syndicales.",
            "key_resources": "Un local à l'hôtel de ville et une application de commande.",
            "cost_structure": "",
            "revenue_model": "Prestations payées par les agents, subvention d'amorçage de la ville.",
            "transfer_skills": "",
            "transfer_budget": "",
            "transfer_time": "Environ six mois.",
            "transfer_legal": "",
        },
        "funding": [
            ("Mairie de Roubaix, action sociale en faveur des agents", 70),
            ("Comité des œuvres sociales", 30),
        ],
        "replications": [],
        "status": "draft",
        "owner": "agent@demo.essaimage.fr",
        "owner_name": ("Camille", "Martin"),
        "moderation_message": "",
    },
    # 11 -----------------------------------------------------------------------------------------------
    {
        "title": "Médiateurs numériques itinérants dans les centres sociaux",
        "summary": (
            "Des médiateurs numériques se déplacent chaque semaine dans les centres sociaux, les maisons de "
            "quartier et les résidences pour personnes âgées. Ils accompagnent les habitants dans leurs démarches "
            "en ligne et les aident à gagner en autonomie avec leur propre téléphone."
        ),
        "themes": ["numerique", "solidarites"],
        "stage": "experimentation",
        "problem": (
            "La dématérialisation des démarches laisse de côté une partie importante des habitants, notamment les "
            "personnes âgées et celles qui ne maîtrisent pas le français écrit. Les lieux d'accompagnement "
            "numérique existants sont concentrés en centre-ville et peu fréquentés par ces publics."
        ),
        "solution": (
            "Quatre médiateurs numériques circulent selon un planning fixe entre une douzaine de lieux de "
            "proximité. Ils proposent des permanences individuelles et des ateliers collectifs courts. Les équipes "
            "des centres sociaux repèrent et orientent les personnes en difficulté."
        ),
        "public_concerned": (
            "Habitants éloignés du numérique, en particulier les personnes âgées, les allocataires de minima "
            "sociaux et les personnes allophones. Les équipes des centres sociaux sont également concernées, "
            "puisqu'elles orientent les habitants vers les permanences."
        ),
        "results": (
            "Plus de 600 habitants ont été accompagnés depuis le lancement du dispositif. Les centres sociaux "
            "observent une baisse des demandes d'aide aux démarches adressées à leurs propres équipes."
        ),
        "evidence": "",
        "costs": (
            "Le dispositif coûte environ 160 000 € par an, principalement les salaires des quatre médiateurs et "
            "l'équipement en tablettes et connexions mobiles. Une partie des postes est cofinancée par l'État."
        ),
        "links": ["https://www.ville-roubaix.fr/numerique/mediateurs-itinerants"],
        "commune": "59512",
        "organisation": ("Mairie de Roubaix", "collectivite"),
        "grid": {
            "value_proposition": (
                "Aller vers les habitants éloignés du numérique dans les lieux qu'ils fréquentent déjà."
            ),
            "beneficiaries": "Habitants éloignés du numérique et équipes des centres sociaux.",
            "key_partners": "Centres sociaux, CCAS, bailleurs sociaux et réseau des conseillers numériques.",
            "key_resources": "Quatre médiateurs, des tablettes et un planning de permanences partagé.",
            "cost_structure": "Salaires des médiateurs, équipement et déplacements.",
            "revenue_model": "Financement de la ville et de l'État.",
            "transfer_skills": "",
            "transfer_budget": "",
            "transfer_time": "",
            "transfer_legal": "",
        },
        "funding": [
            ("Mairie de Roubaix", 50),
            ("État, dispositif Conseillers numériques", 50),
        ],
        "replications": [],
        "status": "changes_requested",
        "owner": "agent@demo.essaimage.fr",
        "owner_name": ("Camille", "Martin"),
        "moderation_message": (
            "Merci pour cette proposition. Les résultats restent trop généraux : précisez le nombre de personnes "
            "accompagnées, le nombre de démarches abouties et la période concernée. Indiquez également comment se "
            "répartit concrètement le financement entre la ville et l'État. Enfin, complétez les rubriques de la "
            "grille consacrées au transfert (compétences, budget, délai, prérequis juridiques), indispensables pour "
            "les collectivités qui voudraient reprendre le dispositif."
        ),
    },
    # 12 -----------------------------------------------------------------------------------------------
    {
        "title": "Coopérative jeunesse de services pour les 16-18 ans des quartiers",
        "summary": (
            "Chaque été, une quinzaine de jeunes de 16 à 18 ans créent et gèrent leur propre coopérative : ils "
            "vendent des services de peinture, jardinage, nettoyage ou aide au déménagement aux habitants, "
            "commerçants et entreprises. Ils sont accompagnés par deux animateurs et un comité local de "
            "partenaires."
        ),
        "themes": ["ess", "emploi", "education"],
        "stage": "eprouvee",
        "problem": (
            "Les jeunes des quartiers prioritaires accèdent difficilement à un premier emploi d'été ou à un stage, "
            "faute de réseau. Les dispositifs d'insertion classiques s'adressent surtout aux plus de 18 ans. Ces "
            "jeunes connaissent peu l'entrepreneuriat et l'économie sociale et solidaire."
        ),
        "solution": (
            "La ville et une coopérative d'activités et d'emploi recrutent les jeunes au printemps et les forment "
            "pendant une semaine. Pendant deux mois, les jeunes démarchent des clients, fixent leurs prix, "
            "réalisent les prestations et prennent les décisions collectivement. Les bénéfices sont répartis entre "
            "eux à la fin de l'été."
        ),
        "public_concerned": (
            "Jeunes de 16 à 18 ans habitant les quartiers prioritaires, repérés par les collèges, les lycées, les "
            "centres sociaux et les clubs de prévention. Une attention particulière est portée à la parité entre "
            "filles et garçons dans chaque promotion."
        ),
        "results": (
            "En quatre étés, 58 jeunes ont participé et réalisé 310 prestations pour un chiffre d'affaires cumulé "
            "de 41 000 €. Chaque jeune a perçu en moyenne 540 € de rémunération. Un an après, 90 % poursuivent une "
            "formation ou ont trouvé un emploi."
        ),
        "evidence": (
            "Suivi individuel des participants à un an réalisé par la coopérative d'activités et d'emploi et la "
            "mission locale. Une étude qualitative sur les compétences acquises a été menée par une étudiante en "
            "master d'économie sociale et solidaire."
        ),
        "costs": (
            "Une édition coûte 48 000 €, principalement la rémunération des deux animateurs, la formation et le "
            "petit matériel. Le chiffre d'affaires réalisé par les jeunes leur revient intégralement."
        ),
        "links": ["https://www.ville-roubaix.fr/jeunesse/cooperative-jeunesse-services"],
        "commune": "59512",
        "organisation": ("Mairie de Roubaix", "collectivite"),
        "grid": {
            "value_proposition": (
                "Offrir aux jeunes une première expérience professionnelle valorisante, tout en les initiant à la "
                "gestion coopérative."
            ),
            "beneficiaries": (
                "Jeunes participants, habitants et commerçants clients, structures de l'ESS du territoire."
            ),
            "key_partners": (
                "Coopérative d'activités et d'emploi, mission locale, centres sociaux, Région et entreprises "
                "parrainant le comité local."
            ),
            "key_resources": (
                "Deux animateurs formés à la démarche, un local pendant l'été et du petit matériel."
            ),
            "cost_structure": "Salaires des animateurs, formation, assurance et matériel.",
            "revenue_model": (
                "Subventions publiques et mécénat pour l'encadrement, chiffre d'affaires des prestations pour les "
                "jeunes."
            ),
            "transfer_skills": (
                "Accompagnement de jeunes, connaissance du modèle coopératif et animation d'un comité de "
                "partenaires."
            ),
            "transfer_budget": "Environ 50 000 € par édition et par groupe de quinze jeunes.",
            "transfer_time": "Quatre à six mois de préparation avant le premier été.",
            "transfer_legal": (
                "Portage juridique par une coopérative d'activités et d'emploi, et autorisations parentales pour "
                "les mineurs."
            ),
        },
        "funding": [
            ("Mairie de Roubaix", 40),
            ("Région Hauts-de-France", 30),
            ("État, crédits de la politique de la ville", 20),
            ("Mécénat d'entreprises locales", 10),
        ],
        "replications": [],
        "status": "published",
        "owner": "agent@demo.essaimage.fr",
        "owner_name": ("Camille", "Martin"),
        "moderation_message": "",
    },
    # 13 -----------------------------------------------------------------------------------------------
    {
        "title": "Référent de parcours unique pour les allocataires du RSA",
        "summary": (
            "Chaque allocataire du RSA est suivi par un seul référent, qui coordonne l'ensemble des interventions "
            "sociales et professionnelles le concernant et qui dispose d'un budget d'aides mobilisable sans "
            "commission. Le contrat d'engagement est construit en un seul rendez-vous."
        ),
        "themes": ["emploi", "solidarites", "simplification"],
        "stage": "en_essaimage",
        "problem": (
            "Les allocataires du RSA étaient suivis en moyenne par trois à quatre intervenants différents, qui se "
            "coordonnaient mal et leur demandaient de raconter plusieurs fois leur situation. Les délais "
            "d'orientation dépassaient trois mois. Une part importante des allocataires n'avait aucun contrat "
            "d'engagement en cours."
        ),
        "solution": (
            "Le Département a réorganisé ses équipes pour qu'un référent unique, travailleur social ou conseiller "
            "en insertion, suive chaque allocataire de l'entrée dans le dispositif à la sortie. Le référent dispose "
            "d'une enveloppe d'aides financières individuelles qu'il peut engager directement. Un outil partagé "
            "avec France Travail permet de suivre le parcours sans ressaisie."
        ),
        "public_concerned": (
            "Allocataires du RSA, en particulier ceux qui cumulent difficultés sociales et professionnelles. Les "
            "travailleurs sociaux et conseillers en insertion du Département sont directement concernés par la "
            "réorganisation."
        ),
        "results": (
            "Le délai moyen d'orientation est passé de 96 à 21 jours. 87 % des allocataires disposent désormais "
            "d'un contrat d'engagement, contre 42 % auparavant. Le taux de sortie vers l'emploi à douze mois a "
            "progressé de six points."
        ),
        "evidence": (
            "Évaluation quasi expérimentale conduite avec un laboratoire universitaire bordelais, comparant les "
            "territoires ayant adopté le dispositif en premier et ceux qui l'ont rejoint plus tard. Le rapport "
            "d'évaluation est consultable sur le site du Département."
        ),
        "costs": (
            "La réorganisation s'est faite à effectifs constants. L'enveloppe d'aides individuelles représente 1,8 "
            "million d'euros par an, et l'outil partagé a coûté 240 000 € de développement."
        ),
        "links": [
            "https://www.gironde.fr/insertion/referent-unique-rsa",
            "https://solidarites.gouv.fr/experimentations/referent-parcours-gironde",
        ],
        "commune": "33063",
        "organisation": ("Département de la Gironde", "collectivite"),
        "grid": {
            "value_proposition": (
                "Un interlocuteur unique, doté de moyens d'agir, pour accélérer et personnaliser le parcours "
                "d'insertion."
            ),
            "beneficiaries": (
                "Allocataires du RSA, professionnels de l'insertion et partenaires de l'emploi."
            ),
            "key_partners": "France Travail, CAF de la Gironde, missions locales et structures d'insertion.",
            "key_resources": (
                "Des référents formés à l'accompagnement global, une enveloppe d'aides déconcentrée et un outil de "
                "suivi partagé."
            ),
            "cost_structure": (
                "Formation des référents, développement et maintenance de l'outil, aides individuelles."
            ),
            "revenue_model": (
                "Budget départemental du RSA, cofinancement du Fonds social européen pour l'accompagnement."
            ),
            "transfer_skills": (
                "Conduite du changement dans les équipes sociales et pilotage d'un partenariat avec France Travail."
            ),
            "transfer_budget": (
                "Principalement de la formation et de l'outillage, soit 150 000 à 300 000 € selon la taille du "
                "département."
            ),
            "transfer_time": "Dix-huit mois pour une généralisation à l'ensemble du département.",
            "transfer_legal": (
                "Délibération sur le règlement départemental d'aide sociale et convention d'échange de données avec "
                "France Travail."
            ),
        },
        "funding": [
            ("Département de la Gironde", 65),
            ("Fonds social européen plus", 25),
            ("État, contractualisation insertion", 10),
        ],
        "replications": [
            {
                "organisation": ("Département des Pyrénées-Atlantiques", "collectivite"),
                "commune": "64445",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": (
                    "Le référent unique est réservé aux allocataires présents depuis plus de deux ans dans le "
                    "dispositif."
                ),
            },
            {
                "organisation": ("Département de la Dordogne", "collectivite"),
                "commune": "24322",
                "mode": "diffusion",
                "status": "en_cours",
                "adaptations": "Déploiement progressif, territoire d'action sociale par territoire.",
            },
            {
                "organisation": ("Département de la Haute-Vienne", "collectivite"),
                "commune": "87085",
                "mode": "partenariat",
                "status": "interesse",
                "adaptations": "Étude de la mutualisation de l'outil de suivi développé par la Gironde.",
            },
            {
                "organisation": ("Département des Deux-Sèvres", "collectivite"),
                "commune": "79191",
                "mode": "diffusion",
                "status": "abandonne",
                "adaptations": (
                    "Projet suspendu faute de pouvoir redéployer les postes nécessaires. Une reprise est envisagée "
                    "après la réorganisation des services sociaux."
                ),
            },
        ],
        "status": "published",
        "owner": "agente2@demo.essaimage.fr",
        "owner_name": ("Inès", "Benali"),
        "moderation_message": "",
    },
    # 14 -----------------------------------------------------------------------------------------------
    {
        "title": "Habitat inclusif pour personnes âgées dans les centres-bourgs",
        "summary": (
            "Des logements adaptés, regroupés en centre-bourg autour d'un espace commun, accueillent des personnes "
            "âgées qui ne peuvent plus vivre seules dans leur maison isolée sans relever de l'EHPAD. Une animatrice "
            "partagée organise la vie collective et le lien avec les services d'aide à domicile."
        ),
        "themes": ["logement", "solidarites", "ruralite"],
        "stage": "eprouvee",
        "problem": (
            "Dans les communes rurales de Gironde, beaucoup de personnes âgées vivent dans de grandes maisons "
            "éloignées des commerces et des soins. Leur entrée en EHPAD est souvent précipitée par l'isolement plus "
            "que par la perte d'autonomie. Les centres-bourgs comptent par ailleurs de nombreux logements vacants."
        ),
        "solution": (
            "Le Département finance, avec les bailleurs sociaux, la réhabilitation de bâtiments vacants en petites "
            "résidences de six à dix logements. L'aide à la vie partagée, versée aux habitants, finance une "
            "animatrice qui organise repas, sorties et entraide. Les services d'aide à domicile interviennent de "
            "manière coordonnée sur le site."
        ),
        "public_concerned": (
            "Personnes âgées autonomes ou en légère perte d'autonomie, vivant en milieu rural, et leurs proches "
            "aidants. Les communes qui souhaitent revitaliser leur centre-bourg sont également concernées."
        ),
        "results": (
            "Onze résidences ont ouvert en quatre ans, soit 84 logements. Le taux d'occupation est de 96 % et l'âge "
            "moyen d'entrée en EHPAD des résidents sortis est supérieur de trois ans à la moyenne départementale. "
            "Neuf bâtiments vacants de centre-bourg ont été réhabilités."
        ),
        "evidence": (
            "Bilan réalisé par la conférence des financeurs de l'habitat inclusif, et enquête qualitative auprès "
            "des résidents et des familles. Aucune évaluation d'impact sur la santé des résidents n'a encore été "
            "conduite."
        ),
        "costs": (
            "Une résidence de huit logements représente un investissement de 1,1 million d'euros porté par le "
            "bailleur. L'aide à la vie partagée coûte environ 5 000 € par habitant et par an."
        ),
        "links": ["https://www.gironde.fr/autonomie/habitat-inclusif-centres-bourgs"],
        "commune": "33063",
        "organisation": ("Département de la Gironde", "collectivite"),
        "grid": {
            "value_proposition": (
                "Une solution intermédiaire entre domicile et EHPAD, qui redonne vie aux centres-bourgs."
            ),
            "beneficiaries": "Personnes âgées, proches aidants, communes rurales et bailleurs sociaux.",
            "key_partners": (
                "Bailleurs sociaux, communes, caisse de retraite, services d'aide à domicile et CNSA."
            ),
            "key_resources": (
                "Bâtiments vacants en centre-bourg, un bailleur volontaire et une animatrice par résidence."
            ),
            "cost_structure": (
                "Investissement immobilier porté par le bailleur, puis animation et coordination."
            ),
            "revenue_model": (
                "Loyers sociaux, aide à la vie partagée cofinancée par le Département et la CNSA."
            ),
            "transfer_skills": (
                "Montage d'opérations immobilières avec un bailleur et animation d'un projet de vie sociale."
            ),
            "transfer_budget": (
                "Environ 40 000 € par an d'aide à la vie partagée pour une résidence de huit logements."
            ),
            "transfer_time": "Trois ans entre l'identification du bâtiment et l'ouverture.",
            "transfer_legal": (
                "Inscription au programme coordonné de la conférence des financeurs et accord de la CNSA pour "
                "l'aide à la vie partagée."
            ),
        },
        "funding": [
            ("Département de la Gironde", 45),
            ("Caisse nationale de solidarité pour l'autonomie", 45),
            ("Caisses de retraite", 10),
        ],
        "replications": [],
        "status": "published",
        "owner": "agente2@demo.essaimage.fr",
        "owner_name": ("Inès", "Benali"),
        "moderation_message": "",
    },
    # 15 -----------------------------------------------------------------------------------------------
    {
        "title": "Collèges ouverts le samedi matin pour l'aide aux devoirs",
        "summary": (
            "Une dizaine de collèges ouvrent leurs portes le samedi matin pour des séances d'aide aux devoirs "
            "encadrées par des étudiants rémunérés et des enseignants volontaires. Le dispositif vise les élèves "
            "qui n'ont personne pour les aider à la maison."
        ),
        "themes": ["education"],
        "stage": "experimentation",
        "problem": (
            "Beaucoup de collégiens issus de familles modestes ne bénéficient d'aucun soutien scolaire en dehors de "
            "la classe. Les dispositifs du soir sont peu fréquentés, les élèves étant fatigués ou dépendants des "
            "transports scolaires. Les bâtiments des collèges restent fermés tout le week-end."
        ),
        "solution": (
            "Le Département ouvre les collèges volontaires le samedi de 9 h à 12 h, en prenant en charge l'accueil, "
            "le ménage et le transport à la demande. Des étudiants de l'université de Bordeaux, rémunérés, "
            "encadrent des groupes de six élèves au maximum. Les enseignants orientent les élèves et assurent le "
            "lien avec le travail fait en classe."
        ),
        "public_concerned": (
            "Collégiens de la sixième à la troisième, en priorité les élèves boursiers et ceux repérés par les "
            "équipes pédagogiques. Les étudiants encadrants trouvent un emploi compatible avec leurs études."
        ),
        "results": (
            "Sur l'année scolaire 2023-2024, 640 collégiens ont participé régulièrement dans dix collèges. 78 % des "
            "participants ont vu leur moyenne progresser au deuxième trimestre. 95 étudiants ont été recrutés comme "
            "encadrants."
        ),
        "evidence": (
            "Suivi des résultats scolaires réalisé avec la direction des services départementaux de l'Éducation "
            "nationale, sans groupe témoin à ce stade. Une évaluation plus rigoureuse est prévue à l'issue de la "
            "deuxième année."
        ),
        "costs": (
            "Le coût est d'environ 21 000 € par collège et par an, dont 14 000 € de rémunération des étudiants et 4 "
            "000 € de transport à la demande. Les dépenses d'ouverture des bâtiments sont intégrées au budget de "
            "fonctionnement des collèges."
        ),
        "links": [],
        "commune": "33063",
        "organisation": ("Département de la Gironde", "collectivite"),
        "grid": {
            "value_proposition": (
                "Utiliser des bâtiments inoccupés le week-end pour offrir un soutien scolaire gratuit aux élèves "
                "qui en manquent."
            ),
            "beneficiaries": "Collégiens, familles, étudiants encadrants et équipes pédagogiques.",
            "key_partners": (
                "Direction des services départementaux de l'Éducation nationale, université de Bordeaux, CROUS et "
                "collèges volontaires."
            ),
            "key_resources": (
                "Des collèges volontaires, un vivier d'étudiants et un transport à la demande le samedi."
            ),
            "cost_structure": "Rémunération des étudiants, transport, ouverture et entretien des bâtiments.",
            "revenue_model": "Financement départemental, sans participation des familles.",
            "transfer_skills": (
                "Coordination avec l'Éducation nationale et recrutement d'étudiants encadrants."
            ),
            "transfer_budget": "Environ 20 000 € par collège et par an.",
            "transfer_time": "Une rentrée scolaire, soit environ six mois de préparation.",
            "transfer_legal": (
                "Convention d'utilisation des locaux avec chaque collège et délibération du conseil "
                "d'administration."
            ),
        },
        "funding": [
            ("Département de la Gironde", 80),
            ("Caisse d'allocations familiales de la Gironde", 20),
        ],
        "replications": [],
        "status": "published",
        "owner": "agente2@demo.essaimage.fr",
        "owner_name": ("Inès", "Benali"),
        "moderation_message": "",
    },
    # 16 -----------------------------------------------------------------------------------------------
    {
        "title": "Chèque mobilité pour les apprentis éloignés de leur centre de formation",
        "summary": (
            "Une aide forfaitaire mensuelle, versée directement aux apprentis qui habitent à plus de 30 kilomètres "
            "de leur centre de formation ou de leur employeur, couvre une partie des frais de transport et "
            "d'hébergement. La demande se fait en ligne, en cinq minutes, sur présentation du contrat."
        ),
        "themes": ["mobilite", "emploi"],
        "stage": "experimentation",
        "problem": (
            "Dans les territoires ruraux de Gironde, de nombreux jeunes renoncent à l'apprentissage ou rompent leur "
            "contrat faute de pouvoir assumer les trajets. Les aides existantes sont multiples, mal connues et "
            "longues à obtenir. Les employeurs du Médoc et du Sud-Gironde peinent à recruter des apprentis."
        ),
        "solution": (
            "Le Département expérimente sur deux territoires un chèque mobilité de 80 à 150 € par mois selon la "
            "distance. La demande se fait en ligne, le justificatif étant le contrat d'apprentissage. L'aide est "
            "versée pendant toute la durée du contrat, sous réserve d'assiduité attestée par le centre de "
            "formation."
        ),
        "public_concerned": (
            "Apprentis de 16 à 25 ans domiciliés dans le Médoc et le Sud-Gironde, ainsi que leurs employeurs et "
            "centres de formation. Les centres de formation d'apprentis relaient l'information auprès des jeunes "
            "dès la signature du contrat."
        ),
        "results": (
            "Au cours des six premiers mois, 312 apprentis ont bénéficié du chèque, pour un montant moyen de 112 € "
            "par mois. Le taux de rupture des contrats dans les quatre premiers mois est passé de 19 % à 11 % sur "
            "les territoires concernés."
        ),
        "evidence": (
            "Données de suivi transmises par les centres de formation d'apprentis partenaires, à consolider à "
            "l'issue de la première année. Un comité de suivi réunissant le Département, la Région et les CFA se "
            "réunit chaque trimestre."
        ),
        "costs": (
            "Le budget de l'expérimentation est de 420 000 € par an, dont 380 000 € d'aides versées. Le formulaire "
            "en ligne a été réalisé en interne."
        ),
        "links": ["https://www.gironde.fr/jeunesse/cheque-mobilite-apprentis"],
        "commune": "33063",
        "organisation": ("Département de la Gironde", "collectivite"),
        "grid": {
            "value_proposition": (
                "Sécuriser les contrats d'apprentissage en levant le frein financier des trajets."
            ),
            "beneficiaries": "Apprentis ruraux, employeurs et centres de formation d'apprentis.",
            "key_partners": (
                "Centres de formation d'apprentis, chambres consulaires, Région Nouvelle-Aquitaine et missions "
                "locales."
            ),
            "key_resources": "Un formulaire en ligne, une cellule d'instruction et une enveloppe d'aides.",
            "cost_structure": "Aides versées et temps d'instruction.",
            "revenue_model": "Budget départemental, cofinancement régional envisagé.",
            "transfer_skills": "Instruction d'aides individuelles et animation du réseau des CFA.",
            "transfer_budget": "Environ 1 300 € par apprenti et par an.",
            "transfer_time": "Trois à quatre mois.",
            "transfer_legal": "Délibération créant l'aide et fixant les critères d'éligibilité.",
        },
        "funding": [
            ("Département de la Gironde", 75),
            ("Région Nouvelle-Aquitaine", 25),
        ],
        "replications": [],
        "status": "submitted",
        "owner": "agente2@demo.essaimage.fr",
        "owner_name": ("Inès", "Benali"),
        "moderation_message": "",
    },
    # 17 -----------------------------------------------------------------------------------------------
    {
        "title": "Service départemental de remplacement des secrétaires de mairie",
        "summary": (
            "Un pool de secrétaires de mairie itinérants, recrutés par le centre de gestion avec l'appui du "
            "Département, assurerait les remplacements lors des congés et arrêts maladie dans les petites communes. "
            "Les communes adhérentes paieraient à l'heure effectuée."
        ),
        "themes": ["rh-publiques", "ruralite"],
        "stage": "idee",
        "problem": (
            "Dans les communes de moins de 1 000 habitants, la secrétaire de mairie est souvent le seul agent "
            "administratif. Son absence paralyse l'état civil, l'urbanisme et la paie. Les maires ne trouvent pas "
            "de remplaçant pour des missions courtes."
        ),
        "solution": (
            "Le centre de gestion recruterait six secrétaires de mairie titulaires, formés aux principaux logiciels "
            "métiers. Ils interviendraient sur demande, à distance ou sur place, pour des remplacements de quelques "
            "jours à plusieurs mois. Le Département financerait la montée en charge pendant les trois premières "
            "années."
        ),
        "public_concerned": (
            "Maires et secrétaires de mairie des petites communes rurales de Gironde, et habitants qui dépendent de "
            "l'ouverture de la mairie. Les secrétaires de mairie y gagneraient la possibilité de partir en congé ou "
            "en formation sans inquiétude."
        ),
        "results": (
            "Le projet est en cours de conception. Un sondage auprès des maires montre que 140 communes seraient "
            "intéressées, avec un besoin estimé à 9 000 heures de remplacement par an."
        ),
        "evidence": "",
        "costs": (
            "Le coût est estimé à 330 000 € par an pour six postes, dont environ 60 % couverts par la facturation "
            "aux communes. Le Département prendrait en charge le solde pendant une période de montée en charge de "
            "trois ans."
        ),
        "links": [],
        "commune": "33063",
        "organisation": ("Département de la Gironde", "collectivite"),
        "grid": {
            "value_proposition": (
                "Garantir la continuité du service public dans les petites communes, quelles que soient les "
                "absences."
            ),
            "beneficiaries": "Petites communes, maires et habitants.",
            "key_partners": "Centre de gestion de la fonction publique territoriale, association des maires.",
            "key_resources": "",
            "cost_structure": "",
            "revenue_model": "Facturation horaire aux communes et subvention départementale dégressive.",
            "transfer_skills": "",
            "transfer_budget": "",
            "transfer_time": "Un an.",
            "transfer_legal": "Convention entre le Département et le centre de gestion.",
        },
        "funding": [],
        "replications": [],
        "status": "draft",
        "owner": "agente2@demo.essaimage.fr",
        "owner_name": ("Inès", "Benali"),
        "moderation_message": "",
    },
    # 18 -----------------------------------------------------------------------------------------------
    {
        "title": "Cours d'école transformées en îlots de fraîcheur",
        "summary": (
            "Les cours d'école goudronnées sont désimperméabilisées, plantées d'arbres et équipées de points d'eau, "
            "puis ouvertes aux habitants du quartier en dehors du temps scolaire. Élèves, enseignants et parents "
            "participent à la conception de chaque cour."
        ),
        "themes": ["transition-ecologique", "education"],
        "stage": "generalisee",
        "problem": (
            "Lors des épisodes de canicule, la température au sol des cours d'école nîmoises dépasse 50 °C, et "
            "certaines classes deviennent inutilisables en juin. Les cours entièrement bitumées aggravent le "
            "ruissellement lors des épisodes cévenols. Les quartiers denses manquent d'espaces verts de proximité."
        ),
        "solution": (
            "La ville a adopté un plan de transformation de toutes ses cours d'école en dix ans. Chaque projet est "
            "conçu avec un paysagiste et les usagers : suppression du bitume, plantation d'arbres, noues "
            "d'infiltration, préaux ombragés et fontaines. Les cours rénovées sont ouvertes au public le samedi et "
            "pendant les vacances."
        ),
        "public_concerned": (
            "Élèves des écoles maternelles et élémentaires, équipes éducatives, familles et habitants des quartiers "
            "environnants, notamment les personnes âgées vulnérables à la chaleur. Les services municipaux de l'eau "
            "et des espaces verts sont associés à chaque projet."
        ),
        "results": (
            "34 cours sur 80 ont été transformées, soit 4,2 hectares désimperméabilisés et 900 arbres plantés. Les "
            "mesures montrent une baisse de 6 à 9 °C de la température au sol en période de forte chaleur. Les "
            "cours ouvertes au public accueillent en moyenne 120 personnes par samedi d'été."
        ),
        "evidence": (
            "Campagnes de mesures thermiques réalisées avec un laboratoire de l'université de Montpellier, et suivi "
            "des volumes infiltrés par le service de l'eau. Les résultats sont publiés chaque été dans le bilan du "
            "plan canicule de la ville."
        ),
        "costs": (
            "Le coût moyen d'une cour est de 350 000 €, avec des écarts importants selon la surface. L'entretien "
            "supplémentaire est estimé à 4 000 € par cour et par an."
        ),
        "links": [
            "https://www.nimes.fr/cadre-de-vie/cours-oasis",
            "https://www.eaurmc.fr/collectivites/desimpermeabilisation-cours-ecole",
        ],
        "commune": "30189",
        "organisation": ("Ville de Nîmes", "collectivite"),
        "grid": {
            "value_proposition": (
                "Adapter les écoles au réchauffement climatique tout en créant des espaces verts de proximité pour "
                "tout le quartier."
            ),
            "beneficiaries": "Élèves, personnels, familles et habitants des quartiers denses.",
            "key_partners": (
                "Agence de l'eau Rhône Méditerranée Corse, conseil d'architecture, d'urbanisme et de "
                "l'environnement, Éducation nationale et associations de parents."
            ),
            "key_resources": (
                "Un paysagiste, un programme pluriannuel d'investissement et une démarche de concertation éprouvée."
            ),
            "cost_structure": "Travaux de désimperméabilisation et de plantation, concertation, entretien.",
            "revenue_model": (
                "Investissement municipal cofinancé par l'agence de l'eau et le fonds vert, économies sur la "
                "gestion des eaux pluviales."
            ),
            "transfer_skills": (
                "Maîtrise d'ouvrage paysagère et animation de concertations avec des enfants."
            ),
            "transfer_budget": "De 200 000 à 500 000 € par cour selon la surface.",
            "transfer_time": "Douze à dix-huit mois par cour, travaux réalisés pendant l'été.",
            "transfer_legal": (
                "Règlement d'ouverture au public hors temps scolaire validé avec l'Éducation nationale."
            ),
        },
        "funding": [
            ("Ville de Nîmes", 50),
            ("Agence de l'eau Rhône Méditerranée Corse", 30),
            ("Fonds vert", 20),
        ],
        "replications": [
            {
                "organisation": ("Ville de Montpellier", "collectivite"),
                "commune": "34172",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": "Les cours sont ouvertes aux centres de loisirs plutôt qu'au grand public.",
            },
            {
                "organisation": ("Ville de Marseille", "collectivite"),
                "commune": "13055",
                "mode": "diffusion",
                "status": "en_cours",
                "adaptations": (
                    "Programme intégré au plan de rénovation des écoles, avec un volet de récupération des eaux de "
                    "pluie."
                ),
            },
            {
                "organisation": ("Mairie de Toulouse", "collectivite"),
                "commune": "31555",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": "Concertation confiée à des associations d'éducation à l'environnement.",
            },
            {
                "organisation": ("Ville de Nice", "collectivite"),
                "commune": "06088",
                "mode": "diffusion",
                "status": "interesse",
                "adaptations": "Étude sur trois écoles pilotes des quartiers nord.",
            },
        ],
        "status": "published",
        "owner": "samira.ouali@demo.essaimage.fr",
        "owner_name": ("Samira", "Ouali"),
        "moderation_message": "",
    },
    # 19 -----------------------------------------------------------------------------------------------
    {
        "title": "Médiathèques, lieux d'accès aux droits et aux démarches",
        "summary": (
            "Les médiathèques municipales accueillent des permanences régulières de la CAF, de l'Assurance maladie, "
            "des impôts et d'un écrivain public. Les bibliothécaires, formés à l'accueil des publics en difficulté, "
            "orientent les usagers et accompagnent les démarches simples."
        ),
        "themes": ["culture", "solidarites", "simplification"],
        "stage": "en_essaimage",
        "problem": (
            "Les habitants des quartiers périphériques de Besançon sont éloignés des guichets des administrations "
            "et hésitent à s'y rendre. Les médiathèques, au contraire, sont des lieux ouverts, gratuits et "
            "fréquentés par tous. Les bibliothécaires étaient déjà sollicités pour des démarches sans y être "
            "préparés."
        ),
        "solution": (
            "La ville a conventionné avec cinq organismes qui tiennent des permanences mensuelles dans quatre "
            "médiathèques. Trente bibliothécaires ont suivi une formation à l'accueil social et aux démarches en "
            "ligne. Un espace confidentiel a été aménagé dans chaque médiathèque concernée."
        ),
        "public_concerned": (
            "Usagers des médiathèques et habitants des quartiers périphériques, notamment les personnes isolées, "
            "les familles monoparentales et les personnes allophones. Les bibliothécaires, formés à cette nouvelle "
            "mission, en sont aussi les acteurs principaux."
        ),
        "results": (
            "En 2023, 2 900 personnes ont été reçues lors des permanences et 5 400 demandes d'orientation ont été "
            "traitées par les bibliothécaires. 35 % des personnes reçues n'étaient pas inscrites à la médiathèque "
            "auparavant. Les prêts ont progressé de 8 % dans les établissements concernés."
        ),
        "evidence": (
            "Statistiques de fréquentation tenues par les médiathèques et bilans transmis par les organismes "
            "partenaires. Une enquête qualitative auprès des usagers a été réalisée avec l'université de "
            "Franche-Comté en 2023."
        ),
        "costs": (
            "Le coût pour la ville est de 45 000 € par an, principalement la formation et l'aménagement des espaces "
            "confidentiels. Les organismes partenaires prennent en charge leurs agents."
        ),
        "links": ["https://www.besancon.fr/culture/mediatheques-acces-aux-droits"],
        "commune": "25056",
        "organisation": ("Ville de Besançon", "collectivite"),
        "grid": {
            "value_proposition": (
                "S'appuyer sur un équipement culturel de proximité, familier et non stigmatisant, pour rapprocher "
                "les habitants de leurs droits."
            ),
            "beneficiaries": (
                "Habitants éloignés des administrations, bibliothécaires et organismes partenaires."
            ),
            "key_partners": (
                "CAF du Doubs, caisse primaire d'assurance maladie, direction départementale des finances "
                "publiques, association d'écrivains publics."
            ),
            "key_resources": (
                "Des médiathèques de quartier, une formation pour les bibliothécaires et des espaces confidentiels."
            ),
            "cost_structure": "Formation, aménagement et communication.",
            "revenue_model": (
                "Budget municipal de la lecture publique et concours de la DRAC au titre des bibliothèques."
            ),
            "transfer_skills": (
                "Formation des équipes de lecture publique à l'accueil social et coordination des partenaires."
            ),
            "transfer_budget": "10 000 à 15 000 € par médiathèque la première année.",
            "transfer_time": "Quatre à six mois.",
            "transfer_legal": "Conventions de permanence avec chaque organisme partenaire.",
        },
        "funding": [
            ("Ville de Besançon", 60),
            ("DRAC Bourgogne-Franche-Comté", 25),
            ("CAF du Doubs", 15),
        ],
        "replications": [
            {
                "organisation": ("Ville de Dijon", "collectivite"),
                "commune": "21231",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": "Les permanences ont lieu le samedi pour toucher les actifs.",
            },
            {
                "organisation": ("Ville d'Orléans", "collectivite"),
                "commune": "45234",
                "mode": "diffusion",
                "status": "en_cours",
                "adaptations": "Le dispositif est adossé à l'espace France Services voisin.",
            },
            {
                "organisation": ("Ville de Tours", "collectivite"),
                "commune": "37261",
                "mode": "diffusion",
                "status": "interesse",
                "adaptations": "Une médiathèque pilote sera choisie dans un quartier prioritaire.",
            },
        ],
        "status": "published",
        "owner": "antoine.garnier@demo.essaimage.fr",
        "owner_name": ("Antoine", "Garnier"),
        "moderation_message": "",
    },
    # 20 -----------------------------------------------------------------------------------------------
    {
        "title": "Médiation sociale de rue pour prévenir les rixes entre quartiers",
        "summary": (
            "Des médiateurs, recrutés pour leur connaissance des quartiers, interviennent le soir et le week-end "
            "aux abords des collèges, des transports et des lieux de regroupement. Ils désamorcent les tensions "
            "entre groupes de jeunes et travaillent avec les établissements scolaires et les familles."
        ),
        "themes": ["securite", "education"],
        "stage": "eprouvee",
        "problem": (
            "Plusieurs quartiers des arrondissements nord de Marseille connaissaient des rixes récurrentes entre "
            "groupes d'adolescents, souvent déclenchées sur les réseaux sociaux. Les interventions de police "
            "arrivaient après les faits et les établissements scolaires se sentaient démunis. Les familles "
            "n'étaient pas associées à la prévention."
        ),
        "solution": (
            "L'association emploie douze médiateurs qui assurent une présence régulière sur les lieux sensibles, "
            "aux heures à risque. Ils repèrent les tensions, notamment en ligne, et organisent des rencontres de "
            "médiation entre jeunes et avec les parents. Une cellule de veille réunit chaque semaine collèges, "
            "police, bailleurs et clubs de prévention."
        ),
        "public_concerned": (
            "Adolescents de 12 à 18 ans, leurs familles, les personnels des collèges et les habitants des quartiers "
            "concernés. Les commerçants et les agents des transports en commun sont également associés aux actions "
            "de prévention."
        ),
        "results": (
            "En trois ans, le nombre de rixes signalées sur le secteur a baissé de 52 %. Les médiateurs ont conduit "
            "430 médiations, dont 85 % ont abouti à un apaisement durable. Les exclusions temporaires pour violence "
            "ont diminué d'un tiers dans les quatre collèges partenaires."
        ),
        "evidence": (
            "Évaluation d'impact réalisée par un cabinet indépendant à la demande de la préfecture, sur la base des "
            "données de police et de l'Éducation nationale. Le rapport conclut à un effet significatif sur la "
            "fréquence des rixes, tout en soulignant la nécessité d'un financement pérenne."
        ),
        "costs": (
            "Le dispositif coûte 620 000 € par an, dont 85 % de masse salariale. Une partie des postes est financée "
            "par le dispositif des adultes relais."
        ),
        "links": ["https://www.mediation-mediterranee.fr/prevention-rixes"],
        "commune": "13055",
        "organisation": ("Association Médiation sociale Méditerranée", "association"),
        "grid": {
            "value_proposition": (
                "Prévenir la violence entre jeunes par une présence humaine régulière et la médiation, avant que "
                "les conflits ne dégénèrent."
            ),
            "beneficiaries": "Jeunes, familles, collèges et habitants.",
            "key_partners": (
                "Préfecture, Ville de Marseille, collèges, police nationale, bailleurs sociaux et clubs de "
                "prévention spécialisée."
            ),
            "key_resources": (
                "Des médiateurs formés et reconnus dans les quartiers, une cellule de veille partenariale."
            ),
            "cost_structure": "Masse salariale, formation continue et supervision des médiateurs.",
            "revenue_model": (
                "Subventions de l'État au titre de la prévention de la délinquance, de la ville et des bailleurs."
            ),
            "transfer_skills": (
                "Recrutement et formation de médiateurs, animation d'une cellule de veille multipartenaire."
            ),
            "transfer_budget": "Environ 50 000 € par médiateur et par an, encadrement compris.",
            "transfer_time": "Six à neuf mois pour constituer et former l'équipe.",
            "transfer_legal": (
                "Charte de partage d'informations dans le cadre du conseil local de sécurité et de prévention de la "
                "délinquance."
            ),
        },
        "funding": [
            ("État, fonds interministériel de prévention de la délinquance", 40),
            ("Ville de Marseille", 25),
            ("État, postes adultes relais", 20),
            ("Bailleurs sociaux", 15),
        ],
        "replications": [
            {
                "organisation": ("Ville de Nîmes", "collectivite"),
                "commune": "30189",
                "mode": "partenariat",
                "status": "en_cours",
                "adaptations": (
                    "L'association marseillaise forme et supervise une équipe recrutée par la ville."
                ),
            },
            {
                "organisation": ("Ville de Nice", "collectivite"),
                "commune": "06088",
                "mode": "diffusion",
                "status": "interesse",
                "adaptations": "Intervention envisagée autour des gares et des lignes de tramway.",
            },
        ],
        "status": "published",
        "owner": "samira.ouali@demo.essaimage.fr",
        "owner_name": ("Samira", "Ouali"),
        "moderation_message": "",
    },
    # 21 -----------------------------------------------------------------------------------------------
    {
        "title": "Transport à la demande mutualisé vers les rendez-vous de santé et d'emploi",
        "summary": (
            "Un service de minibus réservable la veille relie les quartiers des Hauts de Saint-Denis aux centres de "
            "santé, aux agences de France Travail et aux organismes de formation. Les trajets sont regroupés grâce "
            "à un logiciel d'optimisation et gratuits sur prescription."
        ),
        "themes": ["mobilite", "sante"],
        "stage": "experimentation",
        "problem": (
            "Les quartiers des hauts de Saint-Denis sont mal desservis par les transports en commun, avec des temps "
            "de trajet pouvant dépasser une heure et demie. Les rendez-vous médicaux et d'insertion manqués sont "
            "nombreux. Les transports sanitaires individuels coûtent cher à l'Assurance maladie."
        ),
        "solution": (
            "L'intercommunalité a mis en place six minibus qui circulent sur réservation, la veille avant 16 h, par "
            "téléphone ou par application. Les prescripteurs (médecins, conseillers en insertion, travailleurs "
            "sociaux) peuvent réserver pour leurs usagers. Un logiciel regroupe les trajets pour limiter les "
            "kilomètres à vide."
        ),
        "public_concerned": (
            "Habitants des quartiers des hauts sans véhicule, en particulier les patients suivis pour des maladies "
            "chroniques et les personnes en parcours d'insertion. Les médecins, conseillers en insertion et "
            "travailleurs sociaux sont les principaux prescripteurs du service."
        ),
        "results": (
            "Sur les neuf premiers mois, 14 200 trajets ont été effectués pour 2 100 usagers différents. Le taux de "
            "rendez-vous manqués a baissé de 30 % dans les deux centres de santé partenaires. Le taux de "
            "remplissage moyen des minibus atteint 3,4 passagers par course."
        ),
        "evidence": (
            "Données issues du logiciel de réservation et des centres de santé partenaires, évaluation complète "
            "prévue à deux ans. Les indicateurs sont présentés chaque trimestre au comité de pilotage réunissant "
            "l'intercommunalité et ses partenaires."
        ),
        "costs": (
            "Le service coûte 780 000 € par an, dont 520 000 € pour l'exploitation confiée à un transporteur et 60 "
            "000 € pour le logiciel. Le plan de financement définitif sera arrêté à l'issue de l'expérimentation."
        ),
        "links": ["https://www.cinor.fr/mobilite/transport-a-la-demande-solidaire"],
        "commune": "97411",
        "organisation": ("Communauté intercommunale du Nord de La Réunion", "collectivite"),
        "grid": {
            "value_proposition": (
                "Garantir l'accès aux rendez-vous essentiels pour les habitants mal desservis, à moindre coût que "
                "le transport individuel."
            ),
            "beneficiaries": "Habitants sans véhicule, patients, demandeurs d'emploi et prescripteurs.",
            "key_partners": (
                "Agence régionale de santé La Réunion, caisse générale de sécurité sociale, France Travail et "
                "transporteur délégataire."
            ),
            "key_resources": "Six minibus, un logiciel de réservation et d'optimisation, une centrale d'appels.",
            "cost_structure": "Exploitation des véhicules, logiciel, centrale de réservation.",
            "revenue_model": (
                "Budget transport de l'intercommunalité et économies attendues sur les transports sanitaires."
            ),
            "transfer_skills": "Pilotage d'un délégataire de transport et animation d'un réseau de prescripteurs.",
            "transfer_budget": "Environ 130 000 € par minibus et par an.",
            "transfer_time": "Un an, dont la procédure de mise en concurrence du transporteur.",
            "transfer_legal": (
                "Compétence d'autorité organisatrice de la mobilité et avenant au contrat de délégation."
            ),
        },
        "funding": [],
        "replications": [],
        "status": "published",
        "owner": "marie-lou.payet@demo.essaimage.fr",
        "owner_name": ("Marie-Lou", "Payet"),
        "moderation_message": "",
    },
    # 22 -----------------------------------------------------------------------------------------------
    {
        "title": "Jardins partagés nourriciers au pied des immeubles",
        "summary": (
            "Des parcelles en friche au pied des résidences sociales sont transformées en jardins créoles cultivés "
            "collectivement par les habitants. Une animatrice agricole transmet les savoir-faire, et une partie des "
            "récoltes alimente l'épicerie solidaire du quartier."
        ),
        "themes": ["alimentation-agriculture", "solidarites", "participation-citoyenne"],
        "stage": "eprouvee",
        "problem": (
            "La Martinique importe l'essentiel de ses fruits et légumes, dont les prix sont nettement supérieurs à "
            "ceux de l'Hexagone. Dans les quartiers d'habitat social de Fort-de-France, les terrains vacants "
            "attirent les dépôts sauvages. Les savoir-faire du jardin créole se perdent chez les jeunes "
            "générations."
        ),
        "solution": (
            "L'association signe avec les bailleurs des conventions d'occupation pour aménager des jardins de 500 à "
            "2 000 m². Les familles disposent d'une parcelle et participent aux cultures collectives. Une "
            "animatrice agricole accompagne les jardiniers, organise des ateliers avec les écoles et garantit des "
            "pratiques sans pesticides."
        ),
        "public_concerned": (
            "Familles des résidences sociales, personnes âgées qui transmettent leurs savoirs, enfants des écoles "
            "du quartier et bénéficiaires de l'épicerie solidaire. Les jardiniers les plus expérimentés deviennent "
            "référents de leur jardin."
        ),
        "results": (
            "Sept jardins ont été créés, pour une surface totale de 9 000 m² cultivée par 230 familles. La "
            "production est estimée à 18 tonnes par an, dont 3 tonnes données à l'épicerie solidaire. Les bailleurs "
            "constatent une baisse de 70 % des dépôts sauvages sur les sites concernés."
        ),
        "evidence": (
            "Pesées des récoltes tenues par les jardiniers et relevés des incidents fournis par les bailleurs "
            "sociaux. Une thèse en agronomie consacrée aux jardins créoles urbains s'appuie sur trois des sites."
        ),
        "costs": (
            "La création d'un jardin coûte entre 25 000 et 40 000 € (dépollution, clôtures, récupération d'eau de "
            "pluie, outillage). L'animation représente 75 000 € par an pour l'ensemble des sites."
        ),
        "links": ["https://www.jardins-creoles-solidaires.fr/nos-jardins"],
        "commune": "97209",
        "organisation": ("Association Jardins créoles solidaires de Martinique", "association"),
        "grid": {
            "value_proposition": (
                "Produire une alimentation locale et saine au cœur des quartiers tout en recréant du lien entre "
                "générations."
            ),
            "beneficiaries": "Familles jardinières, écoles, épicerie solidaire et bailleurs sociaux.",
            "key_partners": (
                "Bailleurs sociaux, Ville de Fort-de-France, Collectivité territoriale de Martinique et lycée "
                "agricole."
            ),
            "key_resources": (
                "Du foncier mis à disposition, une animatrice agricole et un système de récupération d'eau."
            ),
            "cost_structure": "Aménagement des jardins, animation, semences et petit outillage.",
            "revenue_model": (
                "Subventions des collectivités et des bailleurs, cotisations symboliques des familles."
            ),
            "transfer_skills": "Agronomie tropicale, animation collective et négociation foncière.",
            "transfer_budget": (
                "30 000 € par jardin à la création et environ 10 000 € par jardin et par an d'animation."
            ),
            "transfer_time": "Six mois entre la signature de la convention et les premières récoltes.",
            "transfer_legal": (
                "Convention d'occupation avec le propriétaire du terrain et analyse de sol préalable pour vérifier "
                "l'absence de chlordécone."
            ),
        },
        "funding": [
            ("Collectivité territoriale de Martinique", 35),
            ("Bailleurs sociaux", 25),
            ("Ville de Fort-de-France", 20),
            ("Office de développement de l'économie agricole d'outre-mer", 15),
            ("Cotisations des familles", 5),
        ],
        "replications": [
            {
                "organisation": ("Association Jaden Lakou Gwadloup", "association"),
                "commune": "97105",
                "mode": "affiliation",
                "status": "realise",
                "adaptations": "Jardins installés sur des terrains communaux plutôt que chez les bailleurs.",
            },
            {
                "organisation": ("Ville de Cayenne", "collectivite"),
                "commune": "97302",
                "mode": "partenariat",
                "status": "en_cours",
                "adaptations": (
                    "Adaptation aux cultures amazoniennes et intégration d'un volet d'apprentissage du français "
                    "pour les familles allophones."
                ),
            },
            {
                "organisation": ("Communauté intercommunale du Nord de La Réunion", "collectivite"),
                "commune": "97411",
                "mode": "diffusion",
                "status": "interesse",
                "adaptations": "Projet de jardins sur les délaissés de voirie des quartiers des hauts.",
            },
        ],
        "status": "published",
        "owner": "marie-lou.payet@demo.essaimage.fr",
        "owner_name": ("Marie-Lou", "Payet"),
        "moderation_message": "",
    },
    # 23 -----------------------------------------------------------------------------------------------
    {
        "title": "Budget participatif des collégiens",
        "summary": (
            "Dans chaque collège, les élèves disposent d'une enveloppe de 10 000 € pour concevoir, présenter et "
            "voter des projets d'amélioration de leur établissement. Les projets lauréats sont réalisés par les "
            "services de la collectivité dans l'année."
        ),
        "themes": ["participation-citoyenne", "education"],
        "stage": "en_essaimage",
        "problem": (
            "Les collégiens sont rarement consultés sur l'aménagement de leur établissement, alors qu'ils y passent "
            "une grande partie de leur temps. L'éducation à la citoyenneté reste souvent théorique. Les instances "
            "existantes, comme le conseil de la vie collégienne, manquent de moyens concrets."
        ),
        "solution": (
            "La collectivité alloue chaque année une enveloppe à chaque collège public. Les élèves proposent des "
            "projets, les travaillent avec un référent adulte et les services techniques, puis organisent une "
            "campagne et un vote à bulletin secret. Les services réalisent les projets retenus avant la fin de "
            "l'année scolaire suivante."
        ),
        "public_concerned": (
            "Collégiens des établissements publics, équipes éducatives et services techniques de la collectivité. "
            "Les conseils de la vie collégienne jouent un rôle central dans l'animation de la démarche."
        ),
        "results": (
            "En trois éditions, 96 % des collèges ont participé et 71 000 élèves ont voté, soit un taux de "
            "participation de 68 %. 412 projets ont été réalisés : bancs, casiers, espaces de détente, "
            "végétalisation ou équipements sportifs. Les dégradations ont diminué de 20 % dans les espaces "
            "réaménagés."
        ),
        "evidence": (
            "Bilan annuel présenté en assemblée et enquête auprès de 3 000 élèves réalisée avec une université. "
            "L'enquête montre que 62 % des élèves votants se sentent davantage écoutés dans leur établissement."
        ),
        "costs": (
            "Le budget d'investissement est de 1,5 million d'euros par an pour 150 collèges. L'animation mobilise "
            "deux équivalents temps plein et une plateforme de vote en ligne."
        ),
        "links": ["https://www.ac-strasbourg.fr/vie-scolaire/budget-participatif-colleges"],
        "commune": "67482",
        "organisation": ("Collectivité européenne d'Alsace", "collectivite"),
        "grid": {
            "value_proposition": (
                "Faire vivre la citoyenneté par l'expérience concrète de la décision collective."
            ),
            "beneficiaries": "Collégiens, équipes éducatives et services de la collectivité.",
            "key_partners": "Rectorat de Strasbourg, principaux de collège et conseils de la vie collégienne.",
            "key_resources": "Une enveloppe d'investissement, deux animateurs et une plateforme de vote.",
            "cost_structure": "Investissement dans les projets, animation, outils de vote et communication.",
            "revenue_model": "Budget d'investissement des collèges de la collectivité.",
            "transfer_skills": (
                "Animation de démarches participatives avec des adolescents et coordination des services "
                "techniques."
            ),
            "transfer_budget": "5 000 à 10 000 € par collège et par an, plus l'animation.",
            "transfer_time": "Une année scolaire pour la première édition.",
            "transfer_legal": "Délibération fixant le règlement du budget participatif.",
        },
        "funding": [
            ("Collectivité européenne d'Alsace", 100),
        ],
        "replications": [
            {
                "organisation": ("Département de la Moselle", "collectivite"),
                "commune": "57463",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": "Enveloppe proportionnelle au nombre d'élèves de chaque collège.",
            },
            {
                "organisation": ("Département de Meurthe-et-Moselle", "collectivite"),
                "commune": "54395",
                "mode": "diffusion",
                "status": "en_cours",
                "adaptations": "Les projets peuvent aussi concerner le quartier autour du collège.",
            },
            {
                "organisation": ("Département du Doubs", "collectivite"),
                "commune": "25056",
                "mode": "diffusion",
                "status": "interesse",
                "adaptations": "Lancement prévu sur une vingtaine de collèges pilotes.",
            },
        ],
        "status": "published",
        "owner": "antoine.garnier@demo.essaimage.fr",
        "owner_name": ("Antoine", "Garnier"),
        "moderation_message": "",
    },
    # 24 -----------------------------------------------------------------------------------------------
    {
        "title": "Convention citoyenne métropolitaine sur l'adaptation au changement climatique",
        "summary": (
            "Cent habitants tirés au sort ont travaillé pendant six week-ends pour formuler des propositions "
            "d'adaptation du territoire aux vagues de chaleur et aux risques naturels. La métropole s'est engagée à "
            "répondre publiquement à chacune des propositions."
        ),
        "themes": ["participation-citoyenne", "transition-ecologique"],
        "stage": "eprouvee",
        "problem": (
            "Les politiques d'adaptation au changement climatique impliquent des choix difficiles, qui touchent "
            "l'urbanisme, la mobilité et les modes de vie. Les concertations classiques mobilisent toujours les "
            "mêmes publics. Les élus souhaitaient s'appuyer sur un avis citoyen représentatif de la diversité du "
            "territoire."
        ),
        "solution": (
            "Cent habitants ont été tirés au sort sur les listes électorales et par appels téléphoniques, avec des "
            "quotas d'âge, de genre, de catégorie sociale et de lieu de résidence. Ils ont auditionné des experts, "
            "des élus et des associations, avec l'appui de facilitateurs indépendants. Les 48 propositions adoptées "
            "ont reçu une réponse motivée du conseil métropolitain."
        ),
        "public_concerned": (
            "Habitants de la métropole, y compris ceux qui ne participent habituellement pas à la vie publique, "
            "ainsi que les élus et services chargés des politiques climatiques. Une attention particulière a été "
            "portée aux habitants des communes rurales et de montagne de la métropole."
        ),
        "results": (
            "92 des 100 participants sont allés jusqu'au bout de la démarche. Sur 48 propositions, 31 ont été "
            "reprises totalement ou partiellement, dont un plan de 5 000 arbres et l'ouverture de refuges "
            "climatiques. 86 % des participants déclarent vouloir poursuivre leur engagement local."
        ),
        "evidence": (
            "Observation de la démarche par une équipe de chercheurs en science politique et rapport du garant de "
            "la concertation. Les chercheurs soulignent la qualité de la délibération et la représentativité du "
            "panel."
        ),
        "costs": (
            "La convention a coûté 420 000 €, dont la moitié pour la facilitation et l'autre moitié pour "
            "l'indemnisation des participants, leur hébergement et la garde d'enfants. La mise en œuvre des "
            "propositions retenues relève ensuite des budgets sectoriels de la métropole."
        ),
        "links": ["https://www.grenoblealpesmetropole.fr/convention-citoyenne-climat"],
        "commune": "38185",
        "organisation": ("Grenoble-Alpes Métropole", "collectivite"),
        "grid": {
            "value_proposition": (
                "Donner de la légitimité aux choix d'adaptation climatique grâce à un avis citoyen éclairé et "
                "représentatif."
            ),
            "beneficiaries": "Habitants, élus et services de la métropole.",
            "key_partners": (
                "Prestataire de facilitation, comité de gouvernance indépendant, garant de la concertation et "
                "universités."
            ),
            "key_resources": (
                "Un dispositif de tirage au sort rigoureux, des facilitateurs et un comité de gouvernance."
            ),
            "cost_structure": "Facilitation, indemnisation et logistique des participants, communication.",
            "revenue_model": "Budget de la métropole, sans recette.",
            "transfer_skills": (
                "Ingénierie de la participation et capacité à garantir l'indépendance de la démarche."
            ),
            "transfer_budget": "300 000 à 500 000 € pour une convention d'une centaine de personnes.",
            "transfer_time": "Un an, dont quatre mois de préparation.",
            "transfer_legal": (
                "Délibération définissant le mandat de la convention et l'engagement de réponse des élus."
            ),
        },
        "funding": [
            ("Grenoble-Alpes Métropole", 85),
            ("ADEME", 15),
        ],
        "replications": [],
        "status": "published",
        "owner": "samira.ouali@demo.essaimage.fr",
        "owner_name": ("Samira", "Ouali"),
        "moderation_message": "",
    },
    # 25 -----------------------------------------------------------------------------------------------
    {
        "title": "Groupement d'achats de denrées locales pour les EHPAD publics",
        "summary": (
            "Quatorze EHPAD publics du Puy-de-Dôme mutualisent leurs achats alimentaires pour passer des marchés "
            "accessibles aux producteurs locaux, avec des lots de petite taille et une plateforme logistique "
            "commune. Les menus sont harmonisés autour des produits de saison."
        ),
        "themes": ["alimentation-agriculture", "sante"],
        "stage": "experimentation",
        "problem": (
            "Les EHPAD publics, isolés dans leurs achats, se fournissent auprès de grossistes nationaux et peinent "
            "à atteindre les objectifs de la loi EGalim. Les producteurs locaux ne peuvent pas répondre à des "
            "dizaines de petites consultations. La qualité des repas est une source majeure d'insatisfaction des "
            "résidents."
        ),
        "solution": (
            "Un groupement de coopération sociale et médico-sociale porte un marché commun découpé en lots adaptés "
            "aux producteurs locaux : viande, produits laitiers, légumes, pain. Une plateforme logistique "
            "départementale regroupe les livraisons. Les chefs de cuisine se forment ensemble à la cuisine des "
            "produits bruts et aux textures adaptées."
        ),
        "public_concerned": (
            "Les 1 300 résidents des EHPAD publics participants, les équipes de cuisine et les producteurs "
            "agricoles du département. Les familles des résidents sont associées aux commissions de menus."
        ),
        "results": (
            "Après un an, la part de produits locaux est passée de 12 % à 38 % et celle des produits durables et de "
            "qualité de 9 % à 31 %. Vingt-deux producteurs sont titulaires de lots. La satisfaction des résidents à "
            "l'égard des repas a progressé de 17 points."
        ),
        "evidence": (
            "Suivi des achats par le groupement et enquête de satisfaction annuelle dans chaque établissement. Une "
            "analyse du gaspillage alimentaire est en cours dans quatre établissements pilotes."
        ),
        "costs": (
            "Le surcoût des denrées est de 0,25 € par repas, compensé en partie par la baisse du gaspillage. La "
            "coordination du groupement représente un poste à mi-temps."
        ),
        "links": ["https://www.puy-de-dome.fr/autonomie/ehpad-achats-locaux"],
        "commune": "63113",
        "organisation": (
            "Groupement de coopération sociale et médico-sociale des EHPAD publics du Puy-de-Dôme",
            "autre",
        ),
        "grid": {
            "value_proposition": (
                "Améliorer la qualité des repas des personnes âgées en ouvrant la commande publique aux producteurs "
                "locaux."
            ),
            "beneficiaries": "Résidents d'EHPAD, cuisiniers et producteurs locaux.",
            "key_partners": (
                "Département du Puy-de-Dôme, chambre d'agriculture, ARS Auvergne-Rhône-Alpes et plateforme "
                "logistique départementale."
            ),
            "key_resources": (
                "Un groupement de coopération, une coordinatrice des achats et une plateforme logistique."
            ),
            "cost_structure": "Coordination, logistique et formation des équipes de cuisine.",
            "revenue_model": (
                "Cotisations des établissements membres et économies réalisées sur le gaspillage."
            ),
            "transfer_skills": "Expertise en achat public alimentaire et animation de réseau d'établissements.",
            "transfer_budget": "Environ 40 000 € par an pour la coordination, hors surcoût des denrées.",
            "transfer_time": "Douze mois, le temps de préparer et d'attribuer le premier marché.",
            "transfer_legal": (
                "Constitution d'un groupement de commandes ou d'un groupement de coopération sociale et "
                "médico-sociale."
            ),
        },
        "funding": [
            ("Cotisations des EHPAD membres", 55),
            ("Département du Puy-de-Dôme", 30),
            ("ARS Auvergne-Rhône-Alpes", 15),
        ],
        "replications": [
            {
                "organisation": ("Centre hospitalier d'Aurillac", "autre"),
                "commune": "15014",
                "mode": "partenariat",
                "status": "interesse",
                "adaptations": (
                    "Adhésion envisagée au groupement pour les EHPAD rattachés à l'hôpital."
                ),
            },
        ],
        "status": "published",
        "owner": "elise.fournier@demo.essaimage.fr",
        "owner_name": ("Élise", "Fournier"),
        "moderation_message": "",
    },
    # 26 -----------------------------------------------------------------------------------------------
    {
        "title": "Parcours d'intégration des nouveaux agents en binôme avec un pair",
        "summary": (
            "Chaque agent qui rejoint la préfecture est accompagné pendant six mois par un collègue volontaire d'un "
            "autre service, formé au tutorat. Le parcours comprend une journée d'accueil collective, des immersions "
            "dans les services et des points d'étape réguliers."
        ),
        "themes": ["rh-publiques"],
        "stage": "eprouvee",
        "problem": (
            "La préfecture accueillait chaque année plus de 150 nouveaux agents, dont une part croissante de "
            "contractuels venus du secteur privé. Un quart d'entre eux quittaient leur poste dans les dix-huit "
            "mois. Les enquêtes internes pointaient un accueil insuffisant et une méconnaissance du fonctionnement "
            "de l'administration."
        ),
        "solution": (
            "La préfecture a constitué un vivier de quarante agents volontaires, formés pendant deux jours au "
            "tutorat. Chaque arrivant est associé à un binôme d'un autre service dès sa première semaine. Le "
            "parcours comprend trois demi-journées d'immersion dans d'autres services et un bilan à six mois avec "
            "le service des ressources humaines."
        ),
        "public_concerned": (
            "Agents titulaires et contractuels nouvellement affectés, leurs encadrants et les agents volontaires "
            "qui trouvent dans le tutorat une reconnaissance de leur expérience. Les encadrants de proximité "
            "reçoivent de leur côté un guide pour préparer l'arrivée de leurs nouveaux collaborateurs."
        ),
        "results": (
            "Le taux de départ dans les dix-huit mois est passé de 26 % à 14 % en trois ans. 91 % des arrivants "
            "recommandent le parcours. Quatre autres services de l'État du département ont rejoint le vivier de "
            "tuteurs."
        ),
        "evidence": (
            "Suivi des départs par le service des ressources humaines et questionnaire systématique à six mois. Les "
            "résultats ont été présentés au comité social d'administration de la préfecture."
        ),
        "costs": (
            "Le coût direct est limité à 12 000 € par an pour la formation des tuteurs et la journée d'accueil. Le "
            "temps consacré par les tuteurs est estimé à deux jours par an et par binôme."
        ),
        "links": ["https://www.rhone.gouv.fr/ressources-humaines/parcours-integration"],
        "commune": "69123",
        "organisation": ("Préfecture du Rhône", "service_deconcentre"),
        "grid": {
            "value_proposition": (
                "Fidéliser les nouveaux agents grâce à un accueil personnalisé et à un réseau de pairs."
            ),
            "beneficiaries": "Nouveaux arrivants, encadrants et tuteurs volontaires.",
            "key_partners": (
                "Plateforme régionale d'appui interministériel à la gestion des ressources humaines, organisations "
                "syndicales et services de l'État du département."
            ),
            "key_resources": "Un vivier de tuteurs formés et une chargée de mission à temps partiel.",
            "cost_structure": "Formation des tuteurs, journée d'accueil et temps de coordination.",
            "revenue_model": "Économies sur les coûts de recrutement et de formation liés au turnover.",
            "transfer_skills": "Ingénierie de formation et animation d'un réseau de tuteurs.",
            "transfer_budget": "Environ 10 000 à 15 000 € par an.",
            "transfer_time": "Trois mois pour former le premier groupe de tuteurs.",
            "transfer_legal": "Aucun prérequis juridique particulier.",
        },
        "funding": [
            ("Préfecture du Rhône, crédits de formation", 70),
            ("Fonds d'innovation RH de la plateforme régionale", 30),
        ],
        "replications": [],
        "status": "published",
        "owner": "bastien.mercier@demo.essaimage.fr",
        "owner_name": ("Bastien", "Mercier"),
        "moderation_message": "",
    },
    # 27 -----------------------------------------------------------------------------------------------
    {
        "title": "Ambassadeurs de la rénovation énergétique en service civique",
        "summary": (
            "Des jeunes en service civique font du porte-à-porte dans les quartiers de maisons individuelles "
            "anciennes pour informer les propriétaires sur les aides à la rénovation énergétique et les orienter "
            "vers le guichet local. Ils réalisent aussi un premier repérage des situations de précarité "
            "énergétique."
        ),
        "themes": ["logement", "transition-ecologique"],
        "stage": "experimentation",
        "problem": (
            "Les aides à la rénovation énergétique restent peu mobilisées par les ménages modestes, qui ne "
            "connaissent pas les dispositifs ou s'en méfient. Les campagnes de communication classiques touchent "
            "surtout des ménages déjà informés. Les situations de précarité énergétique sont souvent repérées trop "
            "tard."
        ),
        "solution": (
            "Brest métropole accueille chaque année douze volontaires en service civique, formés par l'agence "
            "locale de l'énergie. Ils vont à la rencontre des habitants, à domicile et lors d'événements de "
            "quartier, avec un questionnaire simple. Les ménages intéressés sont orientés vers un conseiller qui "
            "les rappelle sous une semaine."
        ),
        "public_concerned": (
            "Propriétaires occupants modestes de maisons construites avant 1975, et jeunes volontaires qui "
            "découvrent les métiers de la transition énergétique. Les locataires sont également informés de leurs "
            "droits face à un logement mal isolé."
        ),
        "results": (
            "En un an, les volontaires ont rencontré 4 800 ménages et orienté 920 d'entre eux vers le guichet. 310 "
            "dossiers d'aide ont été déposés, soit trois fois plus que l'année précédente dans les quartiers "
            "ciblés. Cinq volontaires ont poursuivi une formation dans le bâtiment."
        ),
        "evidence": (
            "Données du guichet de la rénovation de l'habitat, comparées à celles de quartiers non couverts. "
            "L'analyse ne porte pour l'instant que sur une seule année et devra être confirmée."
        ),
        "costs": (
            "Le coût pour la métropole est de 55 000 € par an, couvrant l'encadrement, la formation et les "
            "compléments d'indemnité. Les indemnités de service civique sont prises en charge par l'État."
        ),
        "links": ["https://www.brest.fr/habitat/ambassadeurs-renovation"],
        "commune": "29019",
        "organisation": ("Brest métropole", "collectivite"),
        "grid": {
            "value_proposition": (
                "Aller au-devant des ménages modestes pour déclencher des projets de rénovation énergétique."
            ),
            "beneficiaries": "Ménages modestes, jeunes volontaires et guichet de la rénovation.",
            "key_partners": (
                "Agence locale de l'énergie, Agence nationale de l'habitat, service départemental à la jeunesse et "
                "associations de quartier."
            ),
            "key_resources": "Douze volontaires, un tuteur à mi-temps et un outil de suivi des contacts.",
            "cost_structure": "Encadrement, formation, déplacements et communication.",
            "revenue_model": (
                "Indemnités de service civique prises en charge par l'État, cofinancement par le programme national "
                "de rénovation énergétique."
            ),
            "transfer_skills": "Tutorat de jeunes volontaires et connaissance des aides à la rénovation.",
            "transfer_budget": "Environ 4 500 € par volontaire et par an à la charge de la collectivité.",
            "transfer_time": "Quatre mois, le temps d'obtenir l'agrément et de recruter les volontaires.",
            "transfer_legal": "Agrément de service civique et charte de déontologie pour le porte-à-porte.",
        },
        "funding": [
            ("Brest métropole", 45),
            ("État, indemnités de service civique", 40),
            ("Agence nationale de l'habitat", 15),
        ],
        "replications": [],
        "status": "published",
        "owner": "yann.legoff@demo.essaimage.fr",
        "owner_name": ("Yann", "Le Goff"),
        "moderation_message": "",
    },
    # 28 -----------------------------------------------------------------------------------------------
    {
        "title": "Recyclerie solidaire adossée à un chantier d'insertion",
        "summary": (
            "Une recyclerie collecte meubles, vêtements, électroménager et objets du quotidien en déchetterie et "
            "chez les particuliers, les remet en état et les revend à petits prix. Vingt-quatre salariés en contrat "
            "d'insertion y apprennent les métiers du tri, de la réparation et de la vente."
        ),
        "themes": ["ess", "emploi", "transition-ecologique"],
        "stage": "en_essaimage",
        "problem": (
            "Les Ardennes connaissent un taux de chômage de longue durée élevé, et les personnes éloignées de "
            "l'emploi manquent de supports d'activité pour reprendre pied. Les déchetteries reçoivent de grandes "
            "quantités d'objets réutilisables. Les ménages modestes ont besoin d'équipement à bas prix."
        ),
        "solution": (
            "La régie de quartier a installé une recyclerie dans une ancienne friche industrielle, avec des points "
            "de collecte dans les déchetteries de l'agglomération. Les salariés en insertion trient, réparent et "
            "vendent les objets dans un magasin ouvert à tous. Un accompagnement socioprofessionnel et des "
            "formations qualifiantes préparent leur sortie vers l'emploi."
        ),
        "public_concerned": (
            "Demandeurs d'emploi de longue durée et allocataires du RSA, habitants en recherche d'équipement bon "
            "marché et collectivités chargées de la gestion des déchets. Les associations locales s'y fournissent "
            "également en mobilier pour leurs locaux."
        ),
        "results": (
            "La recyclerie détourne 620 tonnes d'objets par an de l'enfouissement, avec un taux de réemploi de 55 "
            "%. Elle réalise 410 000 € de chiffre d'affaires. 61 % des salariés en insertion sortent vers l'emploi "
            "ou la formation."
        ),
        "evidence": (
            "Rapports d'activité annuels transmis à la DDETS et bilans de tonnage établis avec le syndicat de "
            "traitement des déchets. La structure fait par ailleurs l'objet d'un dialogue de gestion annuel avec "
            "l'État au titre de son conventionnement."
        ),
        "costs": (
            "Le budget annuel est de 1,2 million d'euros, dont 70 % de masse salariale. Les recettes de vente "
            "couvrent environ un tiers du budget."
        ),
        "links": [
            "https://www.ardennes-reemploi.fr/recyclerie",
            "https://www.ardennes.gouv.fr/insertion/structures-iae",
        ],
        "commune": "08105",
        "organisation": ("Régie de quartier Ardennes Réemploi", "entreprise_ess"),
        "grid": {
            "value_proposition": (
                "Créer des emplois d'insertion à partir de la réduction des déchets, tout en offrant des biens à "
                "bas prix."
            ),
            "beneficiaries": "Salariés en insertion, clients du magasin et collectivités.",
            "key_partners": (
                "DDETS des Ardennes, Ardenne Métropole, syndicat de traitement des déchets et Département."
            ),
            "key_resources": (
                "Un bâtiment de 2 000 m², un camion de collecte, des encadrants techniques et une conseillère en "
                "insertion."
            ),
            "cost_structure": "Masse salariale, bâtiment, véhicules et formation.",
            "revenue_model": (
                "Ventes en magasin, aide au poste de l'État pour les contrats d'insertion et soutien des "
                "éco-organismes."
            ),
            "transfer_skills": (
                "Conventionnement comme atelier et chantier d'insertion, gestion d'un commerce et encadrement "
                "technique."
            ),
            "transfer_budget": (
                "300 000 € d'investissement initial et un budget de fonctionnement d'environ 1 million d'euros."
            ),
            "transfer_time": "Dix-huit mois à deux ans.",
            "transfer_legal": (
                "Conventionnement IAE par la préfecture et convention d'accès aux déchetteries."
            ),
        },
        "funding": [
            ("État, aide au poste IAE", 45),
            ("Ventes en magasin", 33),
            ("Ardenne Métropole", 12),
            ("Département des Ardennes", 10),
        ],
        "replications": [
            {
                "organisation": ("Association Champagne Réemploi", "association"),
                "commune": "51454",
                "mode": "affiliation",
                "status": "realise",
                "adaptations": "Spécialisation sur le réemploi des jouets et du matériel de puériculture.",
            },
            {
                "organisation": ("Troyes Champagne Métropole", "collectivite"),
                "commune": "10387",
                "mode": "partenariat",
                "status": "en_cours",
                "adaptations": "La recyclerie sera installée dans une ancienne usine textile réhabilitée.",
            },
            {
                "organisation": ("Amiens Métropole", "collectivite"),
                "commune": "80021",
                "mode": "diffusion",
                "status": "interesse",
                "adaptations": "Étude d'un modèle associant deux structures d'insertion existantes.",
            },
        ],
        "status": "published",
        "owner": "antoine.garnier@demo.essaimage.fr",
        "owner_name": ("Antoine", "Garnier"),
        "moderation_message": "",
    },
    # 29 -----------------------------------------------------------------------------------------------
    {
        "title": "Dossier unique de subvention partagé entre financeurs publics",
        "summary": (
            "Les associations déposent un seul dossier en ligne, visible par l'ensemble des financeurs publics "
            "concernés (État, Région, Département, communes). Les pièces administratives ne sont fournies qu'une "
            "fois et les décisions sont coordonnées lors d'un comité commun."
        ),
        "themes": ["simplification", "numerique", "ess"],
        "stage": "generalisee",
        "problem": (
            "Une association de taille moyenne déposait en moyenne six dossiers de subvention par an auprès de "
            "financeurs différents, avec des formulaires et des calendriers distincts. Les bénévoles y consacraient "
            "des dizaines d'heures. Les financeurs publics découvraient tardivement les cofinancements des autres."
        ),
        "solution": (
            "Le service départemental à la jeunesse, à l'engagement et aux sports a coordonné la mise en place d'un "
            "dossier commun, fondé sur le formulaire national de demande de subvention. Chaque financeur accède aux "
            "pièces déposées une seule fois. Un comité des financeurs se réunit deux fois par an pour harmoniser "
            "les décisions sur les projets cofinancés."
        ),
        "public_concerned": (
            "Associations locales, en particulier celles qui sollicitent plusieurs financeurs publics, et agents "
            "instructeurs de l'État et des collectivités. Les élus des collectivités financeurs disposent également "
            "d'une vision consolidée des soutiens accordés."
        ),
        "results": (
            "Plus de 3 200 associations de Haute-Garonne utilisent le dossier unique. Le temps de préparation d'une "
            "demande a été divisé par trois selon les associations interrogées. Le délai moyen de notification est "
            "passé de cinq à trois mois."
        ),
        "evidence": (
            "Enquête réalisée auprès de 600 associations par le mouvement associatif régional, et indicateurs de "
            "délai suivis par les financeurs. Les résultats ont été présentés à la conférence régionale de la vie "
            "associative."
        ),
        "costs": (
            "La solution s'appuie sur des outils numériques nationaux existants, sans développement spécifique "
            "important. Le coût principal est la coordination, estimée à un demi-poste."
        ),
        "links": [
            "https://www.haute-garonne.gouv.fr/associations/dossier-unique",
            "https://www.associations.gouv.fr/subventions-dossier-commun",
        ],
        "commune": "31555",
        "organisation": (
            "Service départemental à la jeunesse, à l'engagement et aux sports de la Haute-Garonne",
            "service_deconcentre",
        ),
        "grid": {
            "value_proposition": (
                "Diviser la charge administrative des associations et coordonner les financeurs publics."
            ),
            "beneficiaries": "Associations, agents instructeurs et élus financeurs.",
            "key_partners": (
                "Région Occitanie, Département de la Haute-Garonne, Mairie de Toulouse et mouvement associatif "
                "régional."
            ),
            "key_resources": "Le formulaire national, un espace de dépôt partagé et un comité des financeurs.",
            "cost_structure": "Coordination, formation des instructeurs et communication.",
            "revenue_model": "Économies de temps pour les associations et les services instructeurs.",
            "transfer_skills": (
                "Animation d'un partenariat entre financeurs et maîtrise des outils numériques nationaux."
            ),
            "transfer_budget": "Moins de 40 000 € par an, essentiellement du temps de coordination.",
            "transfer_time": "Six à douze mois pour rallier les principaux financeurs.",
            "transfer_legal": (
                "Convention de partage des données entre financeurs et information des associations conformément au "
                "RGPD."
            ),
        },
        "funding": [
            ("État, service départemental à la jeunesse, à l'engagement et aux sports", 50),
            ("Région Occitanie", 25),
            ("Département de la Haute-Garonne", 25),
        ],
        "replications": [
            {
                "organisation": ("Service départemental à la jeunesse, à l'engagement et aux sports de l'Hérault",
                                 "service_deconcentre"),
                "commune": "34172",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": "Comité des financeurs élargi aux fondations privées.",
            },
            {
                "organisation": ("Département de la Gironde", "collectivite"),
                "commune": "33063",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": "Déploiement d'abord limité aux associations culturelles et sportives.",
            },
            {
                "organisation": ("Ville de Pau", "collectivite"),
                "commune": "64445",
                "mode": "partenariat",
                "status": "en_cours",
                "adaptations": "La ville ouvre son propre guichet de subventions au dossier commun.",
            },
            {
                "organisation": ("Service départemental à la jeunesse, à l'engagement et aux sports de l'Aveyron",
                                 "service_deconcentre"),
                "commune": "12202",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": "Accompagnement renforcé des petites associations rurales par des permanences.",
            },
        ],
        "status": "published",
        "owner": "aurelie.vidal@demo.essaimage.fr",
        "owner_name": ("Aurélie", "Vidal"),
        "moderation_message": "",
    },
    # 30 -----------------------------------------------------------------------------------------------
    {
        "title": "Sport-santé sur ordonnance pour les patients atteints de maladies chroniques",
        "summary": (
            "Les médecins prescrivent une activité physique adaptée à leurs patients atteints de diabète, "
            "d'obésité, de cancer ou de maladies cardiovasculaires. La ville prend en charge la première année de "
            "pratique, encadrée par des éducateurs sportifs formés, puis oriente vers les clubs du territoire."
        ),
        "themes": ["sante"],
        "stage": "generalisee",
        "problem": (
            "L'activité physique est l'un des traitements les plus efficaces des maladies chroniques, mais les "
            "patients les plus sédentaires n'osent pas pousser la porte d'un club. Le coût des activités encadrées "
            "freine les ménages modestes. Les médecins manquaient de relais pour concrétiser leurs conseils."
        ),
        "solution": (
            "La ville a créé une maison sport-santé qui reçoit les patients sur prescription médicale, évalue leur "
            "condition physique et leur propose un programme adapté. Les séances sont encadrées par des éducateurs "
            "municipaux formés à l'activité physique adaptée. Après un an, les patients sont accompagnés vers des "
            "clubs labellisés à tarif réduit."
        ),
        "public_concerned": (
            "Adultes atteints d'une affection de longue durée ou d'une maladie chronique, médecins traitants et "
            "clubs sportifs du territoire. Les professionnels paramédicaux, comme les kinésithérapeutes, "
            "participent également à l'orientation des patients."
        ),
        "results": (
            "Depuis le lancement, 2 600 patients ont été pris en charge sur prescription de 180 médecins. À un an, "
            "74 % pratiquent toujours une activité régulière. Les tests de condition physique montrent une "
            "amélioration moyenne de 22 % de l'endurance."
        ),
        "evidence": (
            "Évaluation menée avec le centre hospitalier universitaire de Caen, et dispositif désormais intégré au "
            "réseau national des maisons sport-santé. L'évaluation fait état d'une amélioration de la qualité de "
            "vie déclarée chez huit patients sur dix."
        ),
        "costs": (
            "Le fonctionnement coûte 230 000 € par an pour quatre éducateurs et la coordination. Une partie des "
            "séances est prise en charge par des mutuelles partenaires."
        ),
        "links": [
            "https://caen.fr/sport-sante-sur-ordonnance",
            "https://www.sports.gouv.fr/maisons-sport-sante",
        ],
        "commune": "14118",
        "organisation": ("Ville de Caen", "collectivite"),
        "grid": {
            "value_proposition": (
                "Faire de l'activité physique un véritable traitement, accessible à tous les patients chroniques."
            ),
            "beneficiaries": "Patients chroniques, médecins traitants et clubs sportifs.",
            "key_partners": (
                "ARS Normandie, centre hospitalier universitaire, caisse primaire d'assurance maladie, mutuelles et "
                "clubs labellisés."
            ),
            "key_resources": (
                "Des éducateurs formés à l'activité physique adaptée, des équipements sportifs municipaux et un "
                "réseau de médecins prescripteurs."
            ),
            "cost_structure": "Masse salariale des éducateurs, coordination et petit matériel.",
            "revenue_model": (
                "Financement municipal, subvention de l'ARS et prise en charge partielle par les mutuelles."
            ),
            "transfer_skills": "Éducateurs titulaires d'une qualification en activité physique adaptée.",
            "transfer_budget": "150 000 à 250 000 € par an selon le nombre de patients.",
            "transfer_time": "Six à neuf mois.",
            "transfer_legal": (
                "Cadre de la prescription d'activité physique adaptée prévu par le code de la santé publique et "
                "labellisation maison sport-santé."
            ),
        },
        "funding": [
            ("Ville de Caen", 50),
            ("ARS Normandie", 30),
            ("Mutuelles partenaires", 20),
        ],
        "replications": [
            {
                "organisation": ("Ville de Rouen", "collectivite"),
                "commune": "76540",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": "Programme spécifique pour les patients en rémission de cancer.",
            },
            {
                "organisation": ("Ville du Mans", "collectivite"),
                "commune": "72181",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": "Séances délocalisées dans les gymnases des quartiers prioritaires.",
            },
            {
                "organisation": ("Ville d'Angers", "collectivite"),
                "commune": "49007",
                "mode": "partenariat",
                "status": "en_cours",
                "adaptations": "Portage partagé avec le centre hospitalier universitaire.",
            },
            {
                "organisation": ("Ville d'Orléans", "collectivite"),
                "commune": "45234",
                "mode": "diffusion",
                "status": "interesse",
                "adaptations": "Étude d'une extension aux personnes âgées en prévention des chutes.",
            },
        ],
        "status": "published",
        "owner": "bastien.mercier@demo.essaimage.fr",
        "owner_name": ("Bastien", "Mercier"),
        "moderation_message": "",
    },
    # 31 -----------------------------------------------------------------------------------------------
    {
        "title": "Résidences d'artistes dans les EHPAD",
        "summary": (
            "Des artistes, musiciens, plasticiens ou conteurs, sont accueillis en résidence pendant trois mois dans "
            "des EHPAD. Ils créent une œuvre avec les résidents, le personnel et les familles, présentée ensuite au "
            "public dans un lieu culturel de la ville."
        ),
        "themes": ["culture", "sante"],
        "stage": "experimentation",
        "problem": (
            "Les résidents des EHPAD ont très peu accès à la vie culturelle, et les animations proposées sont "
            "souvent répétitives. L'isolement et la perte de repères accélèrent le déclin cognitif. Les artistes "
            "locaux cherchent de leur côté des lieux de création et des publics nouveaux."
        ),
        "solution": (
            "La ville lance un appel à candidatures auprès des artistes insulaires et sélectionne deux résidences "
            "par an. Les artistes passent trois jours par semaine dans l'établissement pendant trois mois et y "
            "conduisent un projet de création partagée. Une restitution publique est organisée dans un lieu "
            "culturel municipal."
        ),
        "public_concerned": (
            "Résidents des EHPAD, y compris ceux atteints de troubles cognitifs, personnels soignants, familles et "
            "artistes du territoire. Les restitutions publiques s'adressent aussi aux habitants, invités à "
            "découvrir les établissements autrement."
        ),
        "results": (
            "Les deux premières résidences ont impliqué 85 résidents et 30 soignants. Les équipes observent une "
            "baisse des troubles du comportement pendant les ateliers, et les restitutions ont réuni 600 "
            "spectateurs."
        ),
        "evidence": "",
        "costs": (
            "Une résidence coûte 18 000 €, dont 12 000 € de rémunération de l'artiste. La restitution publique est "
            "prise en charge sur le budget culturel de la ville."
        ),
        "links": [],
        "commune": "2A004",
        "organisation": ("Ville d'Ajaccio", "collectivite"),
        "grid": {
            "value_proposition": (
                "Faire entrer la création artistique dans le quotidien des EHPAD et ouvrir les établissements sur "
                "la ville."
            ),
            "beneficiaries": "Résidents, soignants, familles et artistes.",
            "key_partners": "EHPAD, direction régionale des affaires culturelles et ARS de Corse.",
            "key_resources": "",
            "cost_structure": "",
            "revenue_model": "",
            "transfer_skills": "Médiation culturelle en milieu de soins.",
            "transfer_budget": "Environ 18 000 € par résidence.",
            "transfer_time": "",
            "transfer_legal": "Convention tripartite entre la ville, l'établissement et l'artiste.",
        },
        "funding": [
            ("Ville d'Ajaccio", 40),
            ("DRAC de Corse, programme Culture et santé", 35),
            ("ARS de Corse", 25),
        ],
        "replications": [],
        "status": "published",
        "owner": "francois.rousseau@demo.essaimage.fr",
        "owner_name": ("François", "Rousseau"),
        "moderation_message": "",
    },
    # 32 -----------------------------------------------------------------------------------------------
    {
        "title": "Mentorat des lycéens de la voie professionnelle par des retraités",
        "summary": (
            "Des retraités issus du monde de l'entreprise et de l'artisanat accompagnent pendant une année scolaire "
            "des lycéens de la voie professionnelle : recherche de stage, préparation aux entretiens, découverte "
            "des métiers et confiance en soi. Les binômes se rencontrent toutes les deux semaines au lycée."
        ),
        "themes": ["education", "emploi"],
        "stage": "eprouvee",
        "problem": (
            "Les élèves de lycée professionnel peinent à trouver des stages de qualité, surtout lorsque leur "
            "famille n'a pas de réseau. Le décrochage est élevé en première année de CAP et de baccalauréat "
            "professionnel. Beaucoup de retraités souhaitent transmettre leur expérience mais ne savent pas comment "
            "s'engager."
        ),
        "solution": (
            "L'association recrute et forme des mentors bénévoles retraités, puis les associe à des élèves "
            "volontaires repérés par les équipes pédagogiques. Les rencontres ont lieu au lycée, en présence d'un "
            "professeur référent. Les mentors mobilisent leur réseau pour ouvrir des portes aux élèves."
        ),
        "public_concerned": (
            "Lycéens de CAP et de baccalauréat professionnel en Loire-Atlantique, leurs enseignants et des "
            "retraités souhaitant s'engager bénévolement. Les entreprises partenaires accueillent les élèves en "
            "stage ou pour des visites de découverte."
        ),
        "results": (
            "En quatre ans, 520 binômes ont été formés dans quatorze lycées. 93 % des élèves mentorés ont trouvé "
            "leur stage dans les délais, contre 71 % des autres élèves. Le taux de décrochage des mentorés est "
            "inférieur de moitié à celui de leur classe."
        ),
        "evidence": (
            "Étude comparative conduite avec le rectorat de Nantes sur les cohortes de 2021 à 2023. Elle met en "
            "regard les élèves mentorés et des élèves de profil similaire des mêmes établissements."
        ),
        "costs": (
            "Le programme coûte 160 000 € par an, soit environ 300 € par binôme, principalement pour les salariés "
            "chargés du recrutement et de la formation des mentors. Les frais de déplacement des mentors sont "
            "remboursés par l'association."
        ),
        "links": ["https://www.passeurs-de-metiers.fr/mentorat-lycees-professionnels"],
        "commune": "44109",
        "organisation": ("Association Passeurs de métiers Loire-Atlantique", "association"),
        "grid": {
            "value_proposition": (
                "Offrir aux lycéens professionnels le réseau et la confiance qui leur manquent, grâce à "
                "l'expérience de retraités."
            ),
            "beneficiaries": "Lycéens professionnels, équipes pédagogiques et mentors retraités.",
            "key_partners": (
                "Rectorat de Nantes, Région Pays de la Loire, lycées professionnels et entreprises partenaires."
            ),
            "key_resources": (
                "Un vivier de mentors bénévoles, deux chargées de programme et un parcours de formation."
            ),
            "cost_structure": "Salaires des chargées de programme, formation et événements.",
            "revenue_model": "Subventions publiques, mécénat d'entreprises et appels à projets mentorat.",
            "transfer_skills": "Recrutement et animation de bénévoles, connaissance de la voie professionnelle.",
            "transfer_budget": "Environ 300 € par binôme et par an.",
            "transfer_time": "Une année scolaire pour lancer un premier groupe de lycées.",
            "transfer_legal": "Convention avec le rectorat et charte d'engagement des mentors.",
        },
        "funding": [
            ("Région Pays de la Loire", 35),
            ("État, programme national de mentorat", 35),
            ("Mécénat d'entreprises", 30),
        ],
        "replications": [],
        "status": "published",
        "owner": "yann.legoff@demo.essaimage.fr",
        "owner_name": ("Yann", "Le Goff"),
        "moderation_message": "",
    },
    # 33 -----------------------------------------------------------------------------------------------
    {
        "title": "Permis de louer et visites systématiques dans le centre ancien",
        "summary": (
            "Dans les rues les plus dégradées du centre ancien, toute mise en location doit être précédée d'une "
            "autorisation délivrée après visite du logement. Les propriétaires sont accompagnés vers les aides à la "
            "rénovation, et les logements indignes ne peuvent plus être loués."
        ),
        "themes": ["logement", "securite"],
        "stage": "en_essaimage",
        "problem": (
            "Le centre ancien de Montluçon concentre des logements locatifs très dégradés, loués à des ménages "
            "fragiles. Les signalements n'interviennent qu'une fois les locataires installés, souvent trop tard. "
            "Des marchands de sommeil rachètent des immeubles à bas prix pour les diviser."
        ),
        "solution": (
            "La ville a instauré le régime de l'autorisation préalable de mise en location sur un périmètre de "
            "dix-huit rues. Deux inspecteurs de salubrité visitent chaque logement avant la délivrance du permis, "
            "sous quinze jours. Les propriétaires de logements refusés sont orientés vers l'opération programmée "
            "d'amélioration de l'habitat."
        ),
        "public_concerned": (
            "Locataires et propriétaires bailleurs du centre ancien, agences immobilières et services de l'habitat "
            "de la ville. Les locataires peuvent vérifier en ligne que leur logement dispose bien d'un permis de "
            "louer."
        ),
        "results": (
            "En trois ans, 1 140 demandes ont été instruites et 16 % ont fait l'objet d'un refus ou d'une "
            "autorisation sous conditions de travaux. 130 logements ont été rénovés avec les aides publiques. Les "
            "signalements pour insalubrité ont diminué de 45 % dans le périmètre."
        ),
        "evidence": (
            "Bilan triennal présenté en conseil municipal, et suivi des signalements par le pôle départemental de "
            "lutte contre l'habitat indigne. Une enquête auprès des agences immobilières montre une bonne "
            "acceptation du dispositif après la première année."
        ),
        "costs": (
            "Le dispositif mobilise deux inspecteurs et un agent administratif, soit 140 000 € par an. Les amendes "
            "prononcées pour location sans autorisation rapportent en moyenne 15 000 € par an."
        ),
        "links": ["https://www.ville-montlucon.fr/habitat/permis-de-louer"],
        "commune": "03185",
        "organisation": ("Ville de Montluçon", "collectivite"),
        "grid": {
            "value_proposition": (
                "Agir avant l'installation des locataires pour empêcher la location de logements indignes."
            ),
            "beneficiaries": "Locataires fragiles, propriétaires de bonne foi et quartiers anciens.",
            "key_partners": (
                "Pôle départemental de lutte contre l'habitat indigne, CAF de l'Allier, Agence nationale de "
                "l'habitat et agences immobilières."
            ),
            "key_resources": "Deux inspecteurs de salubrité et un outil d'instruction dématérialisé.",
            "cost_structure": "Masse salariale des inspecteurs et de l'agent instructeur.",
            "revenue_model": (
                "Budget municipal, amendes administratives et aides de l'Anah pour l'ingénierie."
            ),
            "transfer_skills": "Inspection de salubrité et instruction d'autorisations administratives.",
            "transfer_budget": "Environ 70 000 € par inspecteur et par an.",
            "transfer_time": "Six mois entre la délibération et l'entrée en vigueur.",
            "transfer_legal": (
                "Délibération instaurant l'autorisation préalable de mise en location sur un périmètre défini, en "
                "application du code de la construction et de l'habitation."
            ),
        },
        "funding": [
            ("Ville de Montluçon", 70),
            ("Agence nationale de l'habitat", 30),
        ],
        "replications": [
            {
                "organisation": ("Ville de Bourges", "collectivite"),
                "commune": "18033",
                "mode": "diffusion",
                "status": "realise",
                "adaptations": "Périmètre étendu à deux quartiers de faubourg.",
            },
            {
                "organisation": ("Mairie de Guéret", "collectivite"),
                "commune": "23096",
                "mode": "diffusion",
                "status": "en_cours",
                "adaptations": "Visites mutualisées avec l'intercommunalité pour limiter les coûts.",
            },
            {
                "organisation": ("Ville de Moulins", "collectivite"),
                "commune": "03190",
                "mode": "partenariat",
                "status": "interesse",
                "adaptations": "Mise à disposition envisagée d'un inspecteur de Montluçon pendant un an.",
            },
        ],
        "status": "published",
        "owner": "bastien.mercier@demo.essaimage.fr",
        "owner_name": ("Bastien", "Mercier"),
        "moderation_message": "",
    },
    # 34 -----------------------------------------------------------------------------------------------
    {
        "title": "Réserve d'agents publics volontaires pour appuyer les petites communes",
        "summary": (
            "Des agents de l'État volontaires consacreraient jusqu'à dix jours par an à des missions courtes auprès "
            "de petites communes ariégeoises : montage d'un dossier de subvention, préparation d'un marché public, "
            "appui à un projet d'urbanisme."
        ),
        "themes": ["rh-publiques", "ruralite"],
        "stage": "idee",
        "problem": (
            "Les communes rurales de l'Ariège disposent rarement d'une ingénierie suffisante pour monter leurs "
            "projets et mobiliser les financements disponibles. Les bureaux d'études sont coûteux pour des dossiers "
            "modestes. Dans le même temps, de nombreux agents de l'État expriment le souhait de s'engager "
            "concrètement pour les territoires."
        ),
        "solution": (
            "La préfecture constituerait une réserve d'agents volontaires issus des services de l'État du "
            "département, avec l'accord de leur hiérarchie. Les maires exprimeraient leurs besoins via le "
            "sous-préfet, et une cellule attribuerait les missions. Chaque mission ferait l'objet d'une lettre de "
            "mission et d'un bilan."
        ),
        "public_concerned": (
            "Maires et secrétaires de mairie des communes de moins de 2 000 habitants, et agents des services de "
            "l'État en Ariège. Les sous-préfets joueraient un rôle de relais entre les élus et la réserve."
        ),
        "results": (
            "Le projet est au stade de la conception. Un premier recensement a identifié 45 agents volontaires et "
            "une trentaine de besoins exprimés par les maires."
        ),
        "evidence": "",
        "costs": (
            "Le coût direct se limiterait aux frais de déplacement, estimés à 8 000 € par an. Le temps des agents "
            "serait valorisé dans leur entretien professionnel."
        ),
        "links": [],
        "commune": "09122",
        "organisation": ("Préfecture de l'Ariège", "service_deconcentre"),
        "grid": {
            "value_proposition": (
                "Mettre l'expertise des agents de l'État au service direct des petites communes."
            ),
            "beneficiaries": "Petites communes et agents volontaires.",
            "key_partners": "Services de l'État du département, association des maires de l'Ariège.",
            "key_resources": "",
            "cost_structure": "",
            "revenue_model": "",
            "transfer_skills": "",
            "transfer_budget": "Quelques milliers d'euros de frais de déplacement par an.",
            "transfer_time": "Trois mois.",
            "transfer_legal": "Cadre de mise à disposition ou de mission à préciser avec les directions.",
        },
        "funding": [],
        "replications": [],
        "status": "submitted",
        "owner": "aurelie.vidal@demo.essaimage.fr",
        "owner_name": ("Aurélie", "Vidal"),
        "moderation_message": "",
    },
]
