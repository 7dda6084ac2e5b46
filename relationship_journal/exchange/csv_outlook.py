"""Outlook's contacts CSV in the languages it writes: English (classic and Outlook.com),
German, French and Spanish. Each language names the same ~90 columns in its own words;
the file is recognised when the columns we read are there and nearly all of its columns
are that language's Outlook columns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OutlookLanguage:
    name: str
    fields: dict[str, str]  # our field → the column's name in this language
    phones: tuple[tuple[str, str], ...]  # (column, label)
    emails: tuple[str, ...]
    home: tuple[str, ...]  # street, city, region, postcode, country
    work: tuple[str, ...]
    other: tuple[str, ...] = field(default=())  # columns Outlook writes that we leave
    day_first: bool | None = None  # numeric dates: decided from the column when None

    def known(self) -> set[str]:
        return {
            *self.fields.values(),
            *(c for c, _ in self.phones),
            *self.emails,
            *self.home,
            *self.work,
            *self.other,
        }


def _columns(names: str) -> tuple[str, ...]:
    """Column names written one after another, separated by "|"."""
    return tuple(name.strip() for name in names.split("|"))


ENGLISH = OutlookLanguage(
    "Outlook",
    {
        "prefix": "Title",
        "given": "First Name",
        "middle": "Middle Name",
        "family": "Last Name",
        "suffix": "Suffix",
        "nickname": "Nickname",
        "organisation": "Company",
        "org_unit": "Department",
        "title": "Job Title",
        "birthday": "Birthday",
        "anniversary": "Anniversary",
        "notes": "Notes",
        "tags": "Categories",
    },
    (
        ("Mobile Phone", "mobile"),
        ("Business Phone", "work"),
        ("Business Phone 2", "work"),
        ("Home Phone", "home"),
        ("Home Phone 2", "home"),
        ("Primary Phone", "main"),
        ("Company Main Phone", "company main"),
        ("Other Phone", "other"),
        ("Business Fax", "work fax"),
        ("Home Fax", "home fax"),
        ("Other Fax", "fax"),
        ("Pager", "pager"),
        ("Car Phone", "car"),
        ("Assistant's Phone", "assistant"),
    ),
    (
        "E-mail Address",
        "E-mail 2 Address",
        "E-mail 3 Address",
    ),
    _columns("Home Street|Home City|Home State|Home Postal Code|Home Country/Region"),
    _columns(
        "Business Street|Business City|Business State|Business Postal Code|Business Country/Region"
    ),
    _columns(
        "Given Yomi|Surname Yomi|Company Yomi|Callback|Radio Phone|Telex|TTY/TDD "
        "Phone|ISDN|IMAddress|Office Location|Manager's Name|Assistant's Name|Business "
        "Street 2|Business Street 3|Home Street 2|Home Street 3|Other Street|Other Street"
        " 2|Other Street 3|Other City|Other State|Other Postal Code|Other "
        "Country/Region|Personal Web Page|Spouse|Schools|Hobby|Location|Web "
        "Page|Account|Billing Information|Business Address PO Box|Home Address PO "
        "Box|Other Address PO Box|Children|Directory Server|E-mail Type|E-mail Display "
        "Name|E-mail 2 Type|E-mail 2 Display Name|E-mail 3 Type|E-mail 3 Display "
        "Name|Gender|Government ID Number|Initials|Internet Free "
        "Busy|Keywords|Language|Mileage|Organizational ID "
        "Number|Priority|Private|Profession|Referred By|Sensitivity|User 1|User 2|User "
        "3|User 4"
    ),
)

GERMAN = OutlookLanguage(
    "Outlook (Deutsch)",
    {
        "prefix": "Anrede",
        "given": "Vorname",
        "middle": "Weitere Vornamen",
        "family": "Nachname",
        "suffix": "Suffix",
        "organisation": "Firma",
        "org_unit": "Abteilung",
        "title": "Position",
        "birthday": "Geburtstag",
        "anniversary": "Jahrestag",
        "notes": "Notizen",
        "tags": "Kategorien",
    },
    (
        ("Mobiltelefon", "mobile"),
        ("Telefon geschäftlich", "work"),
        ("Telefon geschäftlich 2", "work"),
        ("Telefon privat", "home"),
        ("Telefon privat 2", "home"),
        ("Haupttelefon", "main"),
        ("Telefon Firma", "company main"),
        ("Weiteres Telefon", "other"),
        ("Fax geschäftlich", "work fax"),
        ("Fax privat", "home fax"),
        ("Weiteres Fax", "fax"),
        ("Pager", "pager"),
        ("Autotelefon", "car"),
        ("Mobiltelefon 2", "mobile"),
        ("Telefon Assistent", "assistant"),
    ),
    (
        "E-Mail-Adresse",
        "E-Mail 2: Adresse",
        "E-Mail 3: Adresse",
    ),
    _columns(
        "Straße privat|Ort privat|Bundesland/Kanton privat|Postleitzahl privat|Land/Region privat"
    ),
    _columns(
        "Straße geschäftlich|Ort geschäftlich|Region geschäftlich|Postleitzahl "
        "geschäftlich|Land/Region geschäftlich"
    ),
    _columns(
        "Straße geschäftlich 2|Straße geschäftlich 3|Straße privat 2|Straße privat "
        "3|Weitere Straße|Weitere Straße 2|Weitere Straße 3|Weiterer Ort|Weiteres/r "
        "Bundesland/Kanton|Weitere Postleitzahl|Weiteres/e "
        "Land/Region|Rückmeldung|ISDN|Telefon für "
        "Hörbehinderte|Telex|Abrechnungsinformation|Benutzer 1|Benutzer 2|Benutzer "
        "3|Benutzer 4|Beruf|Büro|E-Mail-Typ|E-Mail: Angezeigter Name|E-Mail 2: Typ|E-Mail"
        " 2: Angezeigter Name|E-Mail 3: Typ|E-Mail 3: Angezeigter Name|Empfohlen "
        "von|Geschlecht|Hobby|Initialen|Internet-Frei/Gebucht|Kinder|Konto|Name "
        "Assistent|Name des/der Vorgesetzten|Organisationsnr.|Ort|Partner|Postfach "
        "geschäftlich|Postfach "
        "privat|Priorität|Privat|Regierungsnr.|Reisekilometer|Sprache|Stichwörter|Vertraulichkeit|Verzeichnisserver|Webseite|Weiteres"
        " Postfach|Region privat"
    ),
    day_first=True,
)

FRENCH = OutlookLanguage(
    "Outlook (français)",
    {
        "given": "Prénom",
        "middle": "Deuxième prénom",
        "family": "Nom",
        "suffix": "Suffixe",
        "nickname": "Surnom",
        "organisation": "Société",
        "org_unit": "Service",
        "title": "Titre",  # the second "Titre" column, the job title, is the one kept
        "birthday": "Anniversaire",
        "anniversary": "Anniversaire de mariage ou fête",
        "notes": "Notes",
        "tags": "Catégories",
    },
    (
        ("Tél. mobile", "mobile"),
        ("Téléphone (bureau)", "work"),
        ("Téléphone 2 (bureau)", "work"),
        ("Téléphone (domicile)", "home"),
        ("Téléphone 2 (domicile)", "home"),
        ("Téléphone principal", "main"),
        ("Téléphone société", "company main"),
        ("Téléphone (autre)", "other"),
        ("Télécopie (bureau)", "work fax"),
        ("Télécopie (domicile)", "home fax"),
        ("Télécopie (autre)", "fax"),
        ("Récepteur de radiomessagerie", "pager"),
        ("Téléphone (voiture)", "car"),
        ("Téléphone de l'assistant(e)", "assistant"),
    ),
    (
        "Adresse de messagerie",
        "Adresse de messagerie 2",
        "Adresse de messagerie 3",
    ),
    _columns(
        "Rue (domicile)|Ville (domicile)|Dép/Région (domicile)|Code postal "
        "(domicile)|Pays (domicile)"
    ),
    _columns("Rue (bureau)|Ville (bureau)|Dép/Région (bureau)|Code postal (bureau)|Pays (bureau)"),
    _columns(
        "Rue (bureau) 2|Rue (bureau) 3|Rue (domicile) 2|Rue (domicile) 3|Rue (autre)|Rue "
        "(autre) 2|Rue (autre) 3|Ville (autre)|Dép/Région (autre)|Code postal "
        "(autre)|Pays (autre)|Rappel|RNIS|Radio téléphone|Téléphone TDD/TTY|Télex|Type de"
        " messagerie|Nom complet de l'adresse de messagerie|Type de messagerie 2|Nom "
        "complet de l'adresse de messagerie 2|Type de messagerie 3|Nom complet de "
        "l'adresse de messagerie 3|Autre boîte postale|B.P. professionnelle|Boîte postale"
        " du domicile|Bureau|Code gouvernement|Compte|Conjoint(e)|Critère de "
        "diffusion|Disponibilité Internet|Emplacement|Enfants|Informations "
        "facturation|Initiales|Kilométrage|Langue|Mots clés|Nom de l'assistant(e)|Numéro "
        "d'identification de l'organisation|Page "
        "Web|Passe-temps|Priorité|Privé|Profession|Recommandé par|Responsable|Serveur "
        "d'annuaire|Sexe|Utilisateur 1|Utilisateur 2|Utilisateur 3|Utilisateur 4"
    ),
    day_first=True,
)

SPANISH = OutlookLanguage(
    "Outlook (español)",
    {
        "prefix": "Tratamiento",
        "given": "Nombre",
        "middle": "Segundo nombre",
        "family": "Apellidos",
        "suffix": "Sufijo",
        "organisation": "Organización",
        "org_unit": "Departamento",
        "title": "Puesto",
        "birthday": "Cumpleaños",
        "anniversary": "Aniversario",
        "notes": "Notas",
        "tags": "Categorías",
    },
    (
        ("Teléfono móvil", "mobile"),
        ("Teléfono del trabajo", "work"),
        ("Teléfono del trabajo 2", "work"),
        ("Particular", "home"),
        ("Teléfono particular", "home"),
        ("Teléfono particular 2", "home"),
        ("Teléfono principal", "main"),
        ("Número de centralita de la organización", "company main"),
        ("Otro teléfono", "other"),
        ("Fax del trabajo", "work fax"),
        ("Fax particular", "home fax"),
        ("Otro fax", "fax"),
        ("Localizador", "pager"),
        ("Teléfono del automóvil", "car"),
    ),
    (
        "Dirección de correo electrónico",
        "Dirección de correo electrónico 2",
        "Dirección del correo electrónico 3",
    ),
    _columns(
        "Calle del domicilio|Ciudad de residencia|Provincia o estado de residencia|Código"
        " postal de residencia|País o región del domicilio"
    ),
    _columns(
        "Calle del trabajo|Ciudad de trabajo|Provincia o estado de trabajo|Código postal "
        "del trabajo|País o región del trabajo"
    ),
    _columns(
        "Calle del trabajo 2|Calle del trabajo 3|Calle del domicilio 2|Calle del "
        "domicilio 3|Otra calle|Otra calle 2|Otra calle 3|Otra ciudad|Otra provincia o "
        "estado|Otro código postal|Otro país o región|Teléfono del asistente|Devolución "
        "de llamada|RDSI|Radioteléfono|Número de teletipo|Télex|Tipo de correo "
        "electrónico|Nombre para mostrar del correo electrónico|Tipo de correo "
        "electrónico 2|Nombre para mostrar del correo electrónico 2|Tipo de correo "
        "electrónico 3|Nombre para mostrar del correo electrónico 3|Nombre de pantalla de"
        " correo electrónico|Nombre de pantalla de correo electrónico 2|Nombre de "
        "pantalla de correo electrónico 3|Apartado postal de la dirección del "
        "trabajo|Apartado postal de la dirección personal|Otro apartado "
        "postal|Aficiones|Cónyuge|Facturación|Género|Hijos|Idioma|Iniciales|Kilometraje|Nombre"
        " del asistente|Nombre del director|Organización Yomi|Compañía Yomi|Apellido "
        "Yomi|Yomi especificada|Página web|Palabras "
        "clave|Prioridad|Privado|Profesión|Confidencialidad|Ubicación|Ubicación de la "
        "oficina|Usuario 1|Usuario 2|Usuario 3|Usuario 4|Cuenta|Servidor de "
        "directorio|Remitido por|Número de identificación oficial|Número de id. de la "
        "organización|Disponibilidad Internet"
    ),
    day_first=True,
)

LANGUAGES = (ENGLISH, GERMAN, FRENCH, SPANISH)
