"""Ready for a translation: no text is translated at import time (it would be frozen in the
language of the process that imported the module), and every text of the HTML templates goes
through {% translate %} / {% blocktranslate %}. Both scans cover every project app, the apps
to come included (they are found through INSTALLED_APPS)."""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.functional import Promise

BASE_DIR = Path(settings.BASE_DIR).resolve()
EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}
LAZY = {"gettext_lazy", "ngettext_lazy", "pgettext_lazy", "npgettext_lazy"}


def project_app_dirs() -> list[Path]:
    dirs = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(BASE_DIR) and ".venv" not in path.parts:
            dirs.append(path)
    return dirs


# --- No translation resolved at import time -----------------------------------------------------

class ImportTimeTranslations(ast.NodeVisitor):
    """Translations that run when the module is imported (module level, class bodies: choices,
    labels, form fields; decorators and default values): calls of the eager gettext functions,
    and lazy ones forced at once by an f-string, `%`, `+` or `str()`."""

    def __init__(self):
        self.names: set[str] = set()  # local names of the eager functions
        self.lazy_names: set[str] = set()
        self.modules: set[str] = set()  # local names of django.utils.translation
        self.depth = 0
        self.found: list[tuple[int, str]] = []

    def visit_ImportFrom(self, node):
        if node.module == "django.utils.translation":
            self.names |= {alias.asname or alias.name for alias in node.names if alias.name in EAGER}
            self.lazy_names |= {alias.asname or alias.name for alias in node.names if alias.name in LAZY}
        if node.module == "django.utils":
            self.modules |= {alias.asname or alias.name for alias in node.names if alias.name == "translation"}

    def visit_FunctionDef(self, node):
        for expression in [*node.decorator_list, *node.args.defaults, *filter(None, node.args.kw_defaults)]:
            self.visit(expression)
        self.depth += 1
        for statement in node.body:
            self.visit(statement)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    def is_lazy(self, node) -> bool:
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in self.lazy_names

    def forced(self, node, operands):
        if self.depth == 0 and any(self.is_lazy(operand) for operand in operands):
            self.found.append((node.lineno, ast.unparse(node)[:80]))

    def visit_Call(self, node):
        function = node.func
        eager = (isinstance(function, ast.Name) and function.id in self.names) or (
            isinstance(function, ast.Attribute) and function.attr in EAGER
            and isinstance(function.value, ast.Name) and function.value.id in self.modules
        )
        if eager and self.depth == 0:
            self.found.append((node.lineno, ast.unparse(node)[:80]))
        if isinstance(function, ast.Name) and function.id == "str":
            self.forced(node, node.args)
        self.generic_visit(node)

    def visit_BinOp(self, node):
        self.forced(node, [node.left, node.right])
        self.generic_visit(node)

    def visit_FormattedValue(self, node):
        self.forced(node, [node.value])
        self.generic_visit(node)


def import_time_translations(source: str) -> list[tuple[int, str]]:
    visitor = ImportTimeTranslations()
    visitor.visit(ast.parse(source))
    return visitor.found


def test_the_scan_sees_a_translation_at_import_time():
    source = (
        "from django.utils.translation import gettext as _, gettext_lazy\n"
        "from django.utils import translation\n"
        "LABEL = _('Titre')\n"
        "LAZY = gettext_lazy('Titre')\n"
        "class Form:\n"
        "    label = translation.gettext('Résumé')\n"
        "    def clean(self, message=_('Erreur')):\n"
        "        return _('Dans une fonction : traduit à l’appel') + str(gettext_lazy('idem'))\n"
        "HELP = f\"{gettext_lazy('Aide')} !\"\n"
        "TITLE = gettext_lazy('Titre') + ' : '\n"
        "NAME = str(gettext_lazy('Nom'))\n"
    )
    assert [line for line, _ in import_time_translations(source)] == [3, 6, 7, 9, 10, 11]


def test_no_text_is_translated_at_import_time():
    found = []
    for app_dir in project_app_dirs():
        for path in sorted(app_dir.rglob("*.py")):
            for line, call in import_time_translations(path.read_text(encoding="utf-8")):
                found.append(f"{path.relative_to(BASE_DIR)}:{line}: {call} (use gettext_lazy)")
    assert not found, "\n".join(found)


def test_the_apps_names_shown_in_the_admin_are_translatable():
    project_apps = [config for config in apps.get_app_configs() if Path(config.path).resolve() in project_app_dirs()]
    assert [config.name for config in project_apps if not isinstance(config.verbose_name, Promise)] == []


# --- Every text of the HTML templates translatable ----------------------------------------------

COMMENTS = re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}|{#.*?#}", re.S)
TRANSLATED = re.compile(r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", re.S)
TEMPLATE_CODE = re.compile(r"{%.*?%}|{{.*?}}", re.S)
WORDS = re.compile(r"[^\W\d_]{2,}")
# CSS classes passed through blocks (`{% block error_text_class %}fr-mb-2w{% endblock %}`).
CLASS_NAMES = re.compile(r"\s*(?:fr-[\w-]+\s*)+")
# The State's mark in the DSFR header and footer (`fr-logo`): it is never translated.
STATE_MARK = {"République", "Française", "République Française"}
# Addresses shown as they are (`data.gouv.fr`, `moderation@essaimage.beta.gouv.fr`).
ADDRESS = re.compile(r"(?:[\w.+-]+@)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?")
TEXT_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label"}


class BareText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self.in_code = 0

    def is_text(self, text: str) -> bool:
        text = " ".join(text.replace("—", " ").split())
        return (bool(WORDS.search(text)) and text not in STATE_MARK
                and not CLASS_NAMES.fullmatch(text) and not ADDRESS.fullmatch(text))

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.in_code += 1
        for name, value in attrs:
            if name in TEXT_ATTRIBUTES and value and self.is_text(value):
                self.found.append((self.getpos()[0], f'{name}="{value.strip()}"'))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.in_code -= 1

    def handle_data(self, data):
        if not self.in_code and self.is_text(data):
            self.found.append((self.getpos()[0], data.strip()[:80]))


def bare_text(source: str) -> list[tuple[int, str]]:
    """Text a reader would see that no translation tag holds (line numbers kept)."""

    def blank(match):
        return "\n" * match.group(0).count("\n") or " "

    for pattern in (COMMENTS, TRANSLATED, TEMPLATE_CODE):
        source = pattern.sub(blank, source)
    parser = BareText()
    parser.feed(source)
    parser.close()
    return parser.found


def test_the_scan_sees_bare_text_and_only_that():
    source = (
        '{% load i18n %}<h1>{% translate "Titre" %}</h1>\n'
        '<p class="fr-mb-2w">{% blocktranslate with n=count %}{{ n }} fiches{% endblocktranslate %}</p>\n'
        '<p>Texte oublié</p>{# un commentaire #}<a title="Ouvrir" href="{% url \'home\' %}">{{ label }}</a>\n'
        '<p class="fr-logo">République<br>Française</p><script>const texte = "code";</script>\n'
        '<a href="https://www.data.gouv.fr">data.gouv.fr</a><a href="mailto:x@y.fr">x@y.fr</a>\n'
        "{% block error_text_class %}fr-mb-2w fr-mt-1w{% endblock %}"
    )
    assert bare_text(source) == [(3, "Texte oublié"), (3, 'title="Ouvrir"')]


def test_every_text_of_the_html_templates_is_translatable():
    template_dirs = [Path(directory).resolve() for directory in settings.TEMPLATES[0]["DIRS"]]
    template_dirs += [app_dir / "templates" for app_dir in project_app_dirs()]
    found = []
    for directory in template_dirs:
        for path in sorted(directory.rglob("*.html")):
            for line, text in bare_text(path.read_text(encoding="utf-8")):
                found.append(f"{path.relative_to(BASE_DIR)}:{line}: {text}")
    assert not found, "\n".join(found)


def bare_plain_text(source: str) -> list[tuple[int, str]]:
    """The same scan for plain-text templates (the text of e-mails and their subjects)."""
    for pattern in (COMMENTS, TRANSLATED, TEMPLATE_CODE):
        source = pattern.sub(lambda match: "\n" * match.group(0).count("\n") or " ", source)
    return [(number, line.strip()) for number, line in enumerate(source.splitlines(), start=1)
            if WORDS.search(line)]


def test_the_plain_text_scan_sees_bare_text_and_only_that():
    source = ('{% load i18n %}{% translate "Bonjour," %}\n'
              "{% blocktranslate %}Voir : {{ url }}\n\nL’équipe {{ site_name }}{% endblocktranslate %}\n"
              "- {{ notice.title }}\n--\nMessage oublié : {{ message }}\n")
    assert bare_plain_text(source) == [(7, "Message oublié :")]


def test_every_text_of_the_emails_is_translatable():
    template_dirs = [Path(directory).resolve() for directory in settings.TEMPLATES[0]["DIRS"]]
    template_dirs += [app_dir / "templates" for app_dir in project_app_dirs()]
    found = []
    for directory in template_dirs:
        for path in sorted(directory.rglob("*.txt")):
            for line, text in bare_plain_text(path.read_text(encoding="utf-8")):
                found.append(f"{path.relative_to(BASE_DIR)}:{line}: {text}")
    assert not found, "\n".join(found)
