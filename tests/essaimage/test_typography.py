"""French typography: no-break spaces before « : ; ! ? » and inside « », in the text of every page,
never in tags, attributes, scripts or what a form sends back."""

import re
from html.parser import HTMLParser

import pytest
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.test import RequestFactory
from django.urls import reverse

from essaimage.typography import NBSP, NNBSP, FrenchTypographyMiddleware, typeset_html, typeset_text
from tests.factories import UserFactory
from tests.factories.core import territory_tree
from tests.factories.innovations import InnovationFactory
from tests.text import page_text as plain_text


# --- The transformation -----------------------------------------------------------------------

@pytest.mark.parametrize(("html", "expected"), [
    ("<p>Statut : publié</p>", f"<p>Statut{NBSP}: publié</p>"),
    ("<p>Vraiment ?\n  Oui ! Non ; peut-être</p>", f"<p>Vraiment{NNBSP}?\n  Oui{NNBSP}! Non{NNBSP}; peut-être</p>"),
    ("<p>« Ensemble, accélérons ! »</p>", f"<p>«{NBSP}Ensemble, accélérons{NNBSP}!{NBSP}»</p>"),
    ("<p>«Collé»</p>", f"<p>«{NBSP}Collé{NBSP}»</p>"),
    ("<p>«\n  <a href=\"/x\">Lien</a>\n»</p>", f"<p>«{NBSP}<a href=\"/x\">Lien</a>{NBSP}»</p>"),
    (f"<p>Déjà{NBSP}: «{NBSP}bien{NBSP}»</p>", f"<p>Déjà{NBSP}: «{NBSP}bien{NBSP}»</p>"),
    ("<p>À 10:30, voir https://exemple.fr/?a=1&amp;b=2 ; fin</p>",
     f"<p>À 10:30, voir https://exemple.fr/?a=1&amp;b=2{NNBSP}; fin</p>"),
])
def test_text_gets_french_no_break_spaces(html, expected):
    assert typeset_html(html) == expected


@pytest.mark.parametrize("html", [
    '<input type="text" name="t" value="a : b ; c ! « d »" placeholder="Mots-clés : x">',
    '<a href="/?q=a+%3A+b" title="Retirer : « x »" aria-label="a ; b">',
    "<textarea name=\"t\">Coût : élevé ; « urgent » !</textarea>",
    "<pre>a : b</pre><code>x ? y : z</code><kbd>Ctrl + ;</kbd><samp>a !</samp>",
    "<script nonce=\"n\">var a = b ? c : d; if (!e) {}</script>",
    "<style>a { color : red ; }</style>",
    "<!-- a : b ; « c » -->",
    "<select><option>valeur : envoyée</option></select>",
    '<p data-x="1 > 0" title="a : b">',
])
def test_tags_attributes_raw_elements_and_form_values_are_left_as_written(html):
    assert typeset_html(html) == html


def test_text_around_raw_elements_is_still_typeset():
    html = '<p>Avant :</p><textarea>a : b</textarea><p title="x : y">Après !</p><script>a ? b : c</script><p>Fin ?</p>'
    assert typeset_html(html) == (f'<p>Avant{NBSP}:</p><textarea>a : b</textarea><p title="x : y">Après{NNBSP}!</p>'
                                  f"<script>a ? b : c</script><p>Fin{NNBSP}?</p>")


def test_plain_text_for_emails():
    assert (typeset_text("« Bonjour » : oui ; non ! quoi ?")
            == f"«{NBSP}Bonjour{NBSP}»{NBSP}: oui{NNBSP}; non{NNBSP}! quoi{NNBSP}?")


def test_middleware_only_touches_complete_html_and_keeps_the_length_right():
    request = RequestFactory().get("/")

    def through(response):
        return FrenchTypographyMiddleware(lambda request: response)(request)

    html = HttpResponse("<p>Statut : ok</p>", headers={"Content-Length": "18"})
    assert through(html).content.decode() == f"<p>Statut{NBSP}: ok</p>"
    assert html["Content-Length"] == str(len(html.content))
    assert through(JsonResponse({"a": "b : c"})).content == b'{"a": "b : c"}'
    assert through(HttpResponse("a : b", content_type="text/plain")).content == b"a : b"
    gzipped = HttpResponse(b"\x1f\x8b...", headers={"Content-Encoding": "gzip"})
    assert through(gzipped).content == b"\x1f\x8b..."
    assert b"".join(through(StreamingHttpResponse(["<p>a : b</p>"])).streaming_content) == b"<p>a : b</p>"


# --- A sample of real pages ---------------------------------------------------------------------

class TextNodes(HTMLParser):
    """The text a reader sees, node by node (scripts, styles, textareas, pre and code aside)."""

    RAW = {"script", "style", "textarea", "pre", "code"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.raw = 0
        self.texts = []

    def handle_starttag(self, tag, attrs):
        self.raw += tag in self.RAW

    def handle_endtag(self, tag):
        self.raw -= tag in self.RAW

    def handle_data(self, data):
        if not self.raw:
            self.texts.append(data)


# A plain space or line break before « : ; ! ? », or beside a guillemet, or a guillemet glued to a word.
BAD_SPACING = re.compile(r"[ \t\r\n][:;!?»]|«[ \t\r\n]|«[^\s\u00a0\u202f]|[^\s\u00a0\u202f]»")


def badly_spaced(html: str) -> list[str]:
    parser = TextNodes()
    parser.feed(html)
    return [text.strip() for text in parser.texts if BAD_SPACING.search(text)]


@pytest.fixture
def pages(db, client):
    territory_tree()
    innovation = InnovationFactory(title="Maison de santé « itinérante »", summary="Pourquoi ? Pour tous !",
                                   problem="Constat : trop loin ; « désert » médical.")
    return client, innovation


def test_sample_pages_have_no_plain_space_before_french_punctuation(pages, client_for):
    client, innovation = pages
    responses = {
        "home": client.get(reverse("home")),
        "catalogue": client.get(reverse("innovations:list"), {"q": "maison", "stage": "eprouvee"}),
        "empty catalogue": client.get(reverse("innovations:list"), {"q": "introuvable"}),
        "innovation": client.get(innovation.get_absolute_url()),
        "login": client.get(reverse("login")),
        "login with errors": client.post(reverse("login"), {"username": "x@exemple.fr", "password": "non"}),
        "signup": client.get(reverse("signup")),
        "signup with errors": client.post(reverse("signup"), {"email": "pas-une-adresse", "first_name": "Léa"}),
        "accessibility": client.get(reverse("accessibility")),
    }
    agent = client_for(UserFactory())
    responses["innovation form with errors"] = agent.post(reverse("innovations:create"),
                                                          {"title": "", "action": "save"})
    for name, response in responses.items():
        assert response.status_code == 200, name
        html = response.content.decode()
        assert badly_spaced(html) == [], name
    # The sample did contain the punctuation the rule is about.
    innovation_html = responses["innovation"].content.decode()
    assert f"Statut{NBSP}:" in innovation_html or NBSP + ":" in innovation_html
    assert f"«{NBSP}itinérante{NBSP}»" in responses["catalogue"].content.decode()


def test_what_a_form_sends_back_is_kept_exactly(db, client_for):
    territory_tree()
    agent = client_for(UserFactory())
    typed = "Coût : élevé ; « urgent » !"
    response = agent.post(reverse("innovations:create"), {"title": typed, "problem": typed, "action": "save"})
    html = response.content.decode()
    assert 'value="Coût : élevé ; « urgent » !"' in html  # the title input's value
    assert 'id="id_problem">\nCoût : élevé ; « urgent » !</textarea>' in html  # the problem textarea


# --- Wording: agreement, one word for e-mail, the password e-mail -----------------------------

def test_home_figures_agree_with_zero_and_one(client, db):
    html = plain_text(client.get(reverse("home")))
    assert "0</span> innovation publiée" in html and "0</span> essaimage déclaré" in html
    assert "0</span> territoire touché par un essaimage" in html
    InnovationFactory()
    InnovationFactory()
    html = plain_text(client.get(reverse("home")))
    assert "2</span> innovations publiées" in html and "1</span> agent inscrit" not in html


def test_profile_says_role_for_one_role(client_for, db):
    from essaimage.enums import Role

    html = plain_text(client_for(UserFactory(roles=[Role.AGENT])).get(reverse("profile")))
    assert "Rôle :" in html and "Rôles :" not in html


def test_password_reset_says_e_mail_and_its_message_is_typeset(client, db, committed):
    from django.core import mail

    page = client.get(reverse("password_reset")).content.decode()
    assert "Adresse e-mail" in page and "Courriel" not in page
    user = UserFactory()
    committed(client.post, reverse("password_reset"), {"email": user.email})
    body = mail.outbox[0].body
    assert f"(valable trois jours){NBSP}:" in body and f"ignorez ce message{NBSP}:" in body
    assert "Si vous n’êtes pas à l’origine" in body and "/compte/mot-de-passe/nouveau/" in body


def test_no_break_spaces_written_as_entities_are_not_doubled():
    from essaimage.typography import typeset_html

    already = "<p>«&nbsp;Précisez.&nbsp;» Statut&nbsp;: x</p>"
    assert typeset_html(already) == already
