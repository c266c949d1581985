"""attribution.py: the English attribution grammar as families (subject kinds x verbs x tenses x word orders), and
the real strings it was written for (bench/cases, rule-writing half).

Each family is generated: a news clause, then who reports it, or the reverse, with every subject kind and every
form of every reporting verb; a family test fails when any member is not read as its subject.
"""

import itertools

import pytest

from kznews.extract import kazakh
from kznews.extract.attribution import (
    _EN_CONTENT_LEMMAS,
    _EN_SPEECH_LEMMAS,
    _KK_SCRIPTS,
    _en_forms,
    find_attribution,
    find_attributions,
    photo_credit,
)


def _found(text: str) -> tuple[str, str | None, str] | None:
    a = find_attribution(text)
    return a and (a.reporter, a.via, a.kind)


# Subjects as printed, and the reporter each gives (the leading article dropped, a possessive kept).
SUBJECTS = (
    ("the Foreign Ministry", "Foreign Ministry"),
    ("Kazakhstan's Foreign Ministry", "Kazakhstan's Foreign Ministry"),
    ("the ministry's press service", "ministry's press service"),
    ("the akimat", "akimat"),
    ("Kazinform", "Kazinform"),
    ("The Astana Times", "Astana Times"),
    ("Foreign Minister Murat Nurtleu", "Foreign Minister Murat Nurtleu"),
    ("prosecutors", "prosecutors"),
    ("local police", "local police"),
    ("Kazakh officials", "Kazakh officials"),
)
PLURAL = ("prosecutors", "local police", "Kazakh officials")
NEWS = "the road to Almaty will be closed until May"
TAILS = ("", " in a statement", " on its website", " in a press release", " on its Telegram channel", " on Monday")


def _in_script(cyrillic: str, script: int) -> str:
    """Kazakh ``cyrillic`` letter by letter in script ``script`` (0 Cyrillic, then the Latin alphabets of 2017,
    2018 and 2021, then tote), as attribution.py spells its forms."""
    return cyrillic if script == 0 else "".join(_KK_SCRIPTS[script - 1].get(c, c) for c in cyrillic)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def test_english_verb_forms():
    assert _en_forms("say") == ("say", "says", "said")
    assert _en_forms("stress") == ("stress", "stresses", "stressed")
    assert _en_forms("clarify") == ("clarify", "clarifies", "clarified")
    assert _en_forms("note") == ("note", "notes", "noted")
    assert _en_forms("point out") == ("point out", "points out", "pointed out")


@pytest.mark.parametrize("lemma", _EN_SPEECH_LEMMAS + _EN_CONTENT_LEMMAS)
def test_every_form_of_every_verb_after_its_subject(lemma):
    """``X said that …`` and ``…, X said.`` with every subject, every form (the plain one for a plural subject)."""
    wrong = []
    for (subject, want), form in itertools.product(SUBJECTS, _en_forms(lemma)):
        if form == _en_forms(lemma)[0] and subject not in PLURAL:
            continue
        for text in (f"{_cap(subject)} {form} that {NEWS}.", f"{_cap(NEWS)}, {subject} {form}."):
            found = _found(text)
            if not found or found[0].lower() != want.lower() or found[2] != "reports":
                wrong.append((text, found))
    assert not wrong


@pytest.mark.parametrize("lemma", [lemma for lemma in _EN_SPEECH_LEMMAS + _EN_CONTENT_LEMMAS if lemma != "report"])
def test_every_inflected_form_before_its_subject(lemma):
    """``…, said the ministry.``, ``…, added Foreign Minister X.``"""
    wrong = [(text, _found(text)) for (subject, want), form in itertools.product(SUBJECTS, _en_forms(lemma)[1:])
             for text in (f"{_cap(NEWS)}, {form} {subject}.",)
             if (_found(text) or ("",))[0].lower() != want.lower()]
    assert not wrong


@pytest.mark.parametrize("tail", TAILS)
def test_where_and_when_it_was_said(tail):
    """said in a statement / on its website / on its Telegram channel / on Monday: the platform is no via."""
    for subject, want in SUBJECTS:
        for text in (f"{_cap(subject)} said{tail} that {NEWS}.", f"{_cap(NEWS)}, {subject} said{tail}."):
            found = _found(text)
            assert found and (found[0].lower(), found[1:]) == (want.lower(), (None, "reports")), text


@pytest.mark.parametrize("audience", ("reporters", "journalists", "a briefing", "the media"))
def test_told_an_audience(audience):
    for subject, want in SUBJECTS:
        assert (_found(f"{_cap(NEWS)}, {subject} told {audience}.") or ("",))[0].lower() == want.lower()


def test_speech_verbs_report_the_clause_without_that():
    assert _found(f"The ministry said {NEWS}.") == ("ministry", None, "reports")
    assert _found(f"Officials say {NEWS}.") == ("Officials", None, "reports")
    assert _found("the state service said") == ("state service", None, "reports")  # found5-154: "state" no verb here


@pytest.mark.parametrize("text", [
    "The company added 20 jobs last year.",
    "The minister stressed the importance of the road.",
    "The akimat confirmed the schedule of the works.",
    f"{_cap(NEWS)}, Smith said.",  # a person quoted by name is a speaker, not a source
])
def test_an_object_or_a_person_is_no_attribution(text):
    assert find_attribution(text) is None


@pytest.mark.parametrize("citing", ("citing", "quoting", "with reference to", "referring to"))
@pytest.mark.parametrize("verb", ("reports", "reported", "informs", "writes", "said"))
def test_an_outlet_citing_a_source(verb, citing):
    """X reports/informs/writes/said, citing / with reference to / referring to Y: X reports, Y is the via."""
    assert _found(f"{_cap(NEWS)}, Trend {verb} {citing} the ministry.") == ("Trend", "ministry", "reports")
    assert _found(f"As Trend {verb} {citing} the ministry, {NEWS}.") == ("Trend", "ministry", "reports")


def test_quoted_or_cited_by():
    assert _found("Tokayev was quoted as saying by Akorda.") == ("Akorda", "Tokayev", "reports")
    assert _found("The minister was cited by Interfax.") == ("Interfax", "minister", "reports")


def test_as_reported_by_opening_or_closing():
    assert _found(f"As reported by Kazinform, {NEWS}.") == ("Kazinform", None, "reports")
    assert _found(f"{_cap(NEWS)}, as reported by Kazinform.") == ("Kazinform", None, "reports")


def test_a_report_inside_a_clause():
    """found5-064: ``a case that prosecutors said was linked``."""
    text = ("A Kazakh court has sentenced three men to lengthy prison terms in a case that prosecutors said was "
            "linked to a political movement founded by a fugitive tycoon.")
    assert _found(text) == ("prosecutors", None, "reports")
    assert _found("prosecutors said") == ("prosecutors", None, "reports")


def test_appositive_title_and_spokesperson_before_a_clause():
    assert _found(f"Murat Nurtleu, the head of the Foreign Ministry, said {NEWS}.") == (
        "Murat Nurtleu, the head of the Foreign Ministry", None, "reports")
    assert _found(f"Aidos Ukibay, a spokesman for the Ministry of Foreign Affairs, said {NEWS}.") == (
        "Ministry of Foreign Affairs", None, "reports")


def test_a_wire_and_its_date_on_a_line():
    """found5-058: ``Xinhua, November 29, 2016`` (a page's tools may follow it)."""
    assert _found("Xinhua, November 29, 2016") == ("Xinhua", None, "source-line")
    assert _found("Xinhua, November 29, 2016 Adjust font size:") == ("Xinhua", None, "source-line")
    assert _found("John Smith, November 29, 2016") is None  # a byline: two words


def test_read_more_at():
    assert _found(f"{_cap(NEWS)}.\nRead more at Kazinform") == ("Kazinform", None, "source-line")
    assert _found(f"{_cap(NEWS)}.\nПодробнее на Zakon.kz") == ("Zakon.kz", None, "source-line")


def test_found5_real_strings():
    """The rule-writing half's English strings of found5 (bench/cases/found5.jsonl)."""
    assert _found("Report informs citing TASS") == ("Report", "TASS", "reports")  # found5-186
    assert _found("As Azattyk Radio reports referring to the residents") == (
        "Azattyk Radio", "residents", "reports")  # found5-144
    official = "official representative of the Ministry of Energy Serikzhan Ermentaev"  # found5-187
    assert _found(f"according to the {official}") == (official, None, "reports")


def test_every_attribution_of_a_line_the_first_standing_for_it():
    """found5-187's line names the official and the outlet citing TASS; found5-154's the Border Service, then the
    state service: each is read, the first found standing for the line."""
    line = ("Kazakhstan intends to maintain its previous plans for oil production from April 1, 2020, according to the "
            "official representative of the Ministry of Energy Serikzhan Ermentaev, Report informs citing TASS.")
    assert [(a.reporter, a.via) for a in find_attributions(line)] == [
        ("Report", "TASS"), ("official representative of the Ministry of Energy Serikzhan Ermentaev", None)]
    line = ("The Border Service reminds that empty trucks can leave Kyrgyzstan for Kazakhstan through Ken-Bulun — "
            "Avtodorozhny checkpoint. The situation at the Kyrgyz-Kazakh border is stable,» the state service said.")
    assert [a.reporter for a in find_attributions(line)] == ["Border Service", "state service"]


# --- Russian -----------------------------------------------------------------------------------------------------

RU_NEWS = "В Алматы закроют дорогу до мая"
RU_SUBJECTS = (  # subject, reporter, gender or number
    ("пресс-служба акимата", "пресс-служба акимата", "f"), ("МЧС", "МЧС", "n"), ("Минздрав", "Минздрав", "m"),
    ("агентство Kazinform", "Kazinform", "n"), ("Tengrinews.kz", "Tengrinews.kz", "n"),
    ("аким города Ерболат Досаев", "аким города Ерболат Досаев", "m"),
)
RU_VERBS = {
    "m": ("сообщил", "заявил", "отметил", "рассказал", "уточнил", "пояснил", "подчеркнул", "добавил", "написал",
          "прокомментировал", "сообщает", "передает", "пишет", "информирует"),
    "f": ("сообщила", "заявила", "отметила", "рассказала", "уточнила", "пояснила", "добавила", "передаёт", "пишет"),
    "n": ("сообщило", "заявило", "уточнило", "отметило", "сообщает", "передает", "пишет", "информирует"),
}


@pytest.mark.parametrize(("subject", "want", "gender"), RU_SUBJECTS)
def test_russian_verbs_in_every_gender_and_tense_both_orders(subject, want, gender):
    for verb in RU_VERBS[gender]:
        for text in (f"{RU_NEWS}, {verb} {subject}.", f"{_cap(subject)} {verb}, что {RU_NEWS.lower()}."):
            found = _found(text)
            assert found and found[0].lower() == want.lower(), text


@pytest.mark.parametrize("opener", ("Об этом", "Ранее", "Кроме того", "Также"))
def test_russian_subject_after_an_opening_adverb(opener):
    """found5-080: ``Об этом глава государства написал в Twitter`` (the platform is no via)."""
    assert _found(f"{opener} глава государства написал в Twitter.") == ("глава государства", None, "reports")


@pytest.mark.parametrize("verb", ("сообщается", "говорится", "сообщалось ранее", "отмечается"))
def test_russian_impersonal_message_gives_the_body_and_a_site_gives_the_site(verb):
    """``говорится в сообщении горсуда`` → горсуд; found5-014 ``сообщается на сайте KASE`` → сайт KASE (a body's
    site keeps the word; an outlet's address does not)."""
    assert _found(f"{RU_NEWS}, {verb} в сообщении горсуда.") == ("горсуд", None, "reports")
    assert _found(f"{RU_NEWS}, {verb} на сайте KASE.") == ("сайт KASE", None, "reports")
    assert _found(f"{RU_NEWS}, {verb} на официальном сайте акимата.") == (
        "официальный сайт акимата", None, "reports")


@pytest.mark.parametrize("noun", ("сообщения", "данных", "информации", "заявления"))
def test_russian_became_known_from(noun):
    """found5-041: ``об этом стало известно из сообщения Казгидромета``."""
    assert _found(f"{RU_NEWS}, об этом стало известно из {noun} Казгидромета.") == ("Казгидромет", None, "reports")


@pytest.mark.parametrize(("kind", "nominative"), (("агентству", "агентство"), ("изданию", "издание"),
                                                   ("порталу", "портал")))
def test_russian_an_outlet_told_by_its_kind(kind, nominative):
    """found5-166: ``сообщил агентству источник в МЧС республики``: the outlet told reports, citing the speaker."""
    assert _found(f"{RU_NEWS}, сообщил {kind} источник в МЧС республики.") == (
        nominative, "источник в МЧС республики", "reports")
    assert _found(f"{RU_NEWS}, сообщили {kind} в акимате.") == (nominative, "акимат", "reports")


def test_russian_a_speaker_commenting_to_a_named_outlet():
    """found5-209: the outlet by its name alone; the speaker's title, capitalised only as the sentence opens, in
    lower case."""
    text = ('Руководитель пресс-службы ДВД Актюбинской области Ербулат Саркулов прокомментировал изданию "Timeskz" '
            "видео и подтвердил, что такой случай действительно имел место")
    assert _found(text) == ('"Timeskz"', "руководитель пресс-службы ДВД Актюбинской области Ербулат Саркулов",
                            "reports")


# --- Kazakh ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Үкіметтің баспасөз қызметіне сүйенсек, 30 мың гектар астық жиналды.",  # found5-042
    "Үкіметтің баспасөз қызметінің мәліметіне сүйенсек, 30 мың гектар астық жиналды.",
    "Үкіметтің баспасөз қызметі таратқан деректерге сүйенсек, 30 мың гектар астық жиналды.",  # found5-046
    "Үкіметтің баспасөз қызметінің деректеріне сүйенер болсақ, 30 мың гектар астық жиналды.",
    "Үкіметтің баспасөз қызметі жариялаған ақпаратқа сүйене отырып, 30 мың гектар астық жиналды.",
])
def test_kazakh_relying_on_a_source_in_every_form(text):
    assert _found(text) == ("Үкіметтің баспасөз қызметі", None, "reports")


@pytest.mark.parametrize("script", range(5))
def test_kazakh_relying_on_a_source_in_every_script(script):
    """found5-044's phrase in Cyrillic, the Latin alphabets and tote."""
    def spell(cyrillic: str) -> str:
        return _in_script(cyrillic, script)

    found = _found(f"Естеріңізге сала кетейік, {spell('ауыл шаруашылығы министрлігінің мәліметіне сүйенсек')}, "
                   "диқандар 20 млн тонна астық бастырып үлгерген.")
    assert found == (spell("ауыл шаруашылығы министрлігі"), None, "reports")


@pytest.mark.parametrize("where", ("өңірдегі", "Астанадағы", "облыстағы"))
def test_kazakh_correspondent_without_where_they_work(where):
    """found5-127: ``деп жазды өңірдегі Stan.kz тілшісі``."""
    assert _found(f"Ауылда жаңа мектеп ашылды, -деп жазды {where} Stan.kz тілшісі.") == (
        "Stan.kz", None, "correspondent")


def test_an_outlets_address_signing_a_text():
    """found5-019: ``Abai.kz`` under the author's name, closing the text; not in the middle of one."""
    assert _found("Núrzat Toghjan\nAbai.kz") == ("Abai.kz", None, "source-line")
    assert find_attribution("Abai.kz\nJurnalister bar kezde biz de óz isimizge qyraghy boluymyz kerek.") is None


# --- where a sentence ends, and lines that sign a text -------------------------------------------------------------

def test_an_ellipsis_closes_a_name():
    """found5-139's page: ``according to the regional akimat...``."""
    assert _found("The plant was built in South Kazakhstan, according to the regional akimat...") == (
        "regional akimat", None, "reports")


def test_a_full_stop_glued_to_the_next_sentence_ends_one():
    """found4-123: ``Gazeta.ru reports.A coin``; a web address's own dot ends nothing."""
    assert _found("The first tenge had been released, Gazeta.ru reports.A coin with a diameter") == (
        "Gazeta.ru", None, "reports")
    assert _found("Дорогу закроют до мая, сообщает Zakon.kz.") == ("Zakon.kz", None, "reports")


def test_a_colon_before_what_was_said_ends_the_sentence():
    """found3-026's page: ``… өзінің телеграмм каналында жазды:``."""
    text = ("Ақтөбеде екі облыстық газетті баспалар ғимаратынан шығарып жатыр. Бұл туралы белгілі журналист Михаил "
            "Козачков өзінің телеграмм каналында жазды:")
    assert _found(text) == ("Михаил Козачков", None, "reports")


@pytest.mark.parametrize("verb", ("has learnt", "has learned", "reports", "reported"))
def test_an_outlets_correspondent_named(verb):
    """found3-010: ``Kazinform correspondent Yelzhan Yeraly has learnt``."""
    assert _found(f"A new school is set to be built in the village, Kazinform correspondent Yelzhan Yeraly {verb}.") == (
        "Kazinform", None, "correspondent")


def test_a_registered_outlet_and_its_date_on_a_line():
    """found3-124: ``Astana Times, 5 October 2016``; two words of a person are a byline."""
    assert _found("Nazarbayev, Putin Meet\n\nAstana Times, 5 October 2016\n\nASTANA – Kazakh President") == (
        "Astana Times", None, "source-line")
    assert _found("John Smith, 5 October 2016") is None


def test_an_outlet_signing_after_a_dash():
    """found3-132: ``… взорвался газовый баллон. — Евразия Daily.``; a person's Cyrillic name signs no source."""
    assert _found("В Петропавловске взорвался газовый баллон. — Евразия Daily.") == (
        "Евразия Daily", None, "source-line")
    assert find_attribution("Он пришел домой. — Иван Петров.") is None


@pytest.mark.parametrize(("text", "want"), [
    (f"{_cap(NEWS)}, reports Trend citing the ministry.", ("Trend", "ministry")),
    (f"{_cap(NEWS)}, local media reported.", ("local media", None)),
    (f"{_cap(NEWS)}, the ministry reportedly said.", ("ministry", None)),
    (f"{_cap(NEWS)}, a statement from the akimat said.", ("akimat", None)),
    (f"{_cap(NEWS)}, Kazakh news website Orda.kz reported.", ("Orda.kz", None)),
    (f"{_cap(NEWS)}, news agency Kazinform reported.", ("Kazinform", None)),
    (f"{_cap(NEWS)}, Kazinform News Agency reported.", ("Kazinform News Agency", None)),  # the word is its name's
    (f"{_cap(NEWS)}, the ministry's press service told Kazinform.", ("Kazinform", "ministry's press service")),
    (f"{_cap(NEWS)}, sources told Reuters.", ("Reuters", "sources")),
    (f"Speaking at a briefing, the minister said {NEWS}.", ("minister", None)),
    (f"{_cap(NEWS)}, Reuters reported, citing two sources familiar with the matter.",
     ("Reuters", "sources familiar with the matter")),  # a count is no part of a source
])
def test_more_english_wire_forms(text, want):
    found = find_attribution(text)
    assert found and (found.reporter, found.via) == want


KK_NEWS = "Алматыда жаңа мектеп ашылды"
KK_FORMS = (  # every person's verb of reporting, after a quote and before it, and the according-to nouns
    (f"{KK_NEWS}, деп хабарлады облыс әкімдігінің баспасөз қызметі.", "облыс әкімдігінің баспасөз қызметі"),
    (f"{KK_NEWS}, деп мәлімдеді министрлік.", "министрлік"),
    (f"{KK_NEWS}, деп айтты облыс әкімі.", "облыс әкімі"),
    (f"{KK_NEWS}, деп атап өтті министр.", "министр"),
    (f"{KK_NEWS}, деп түсіндірді министрлік.", "министрлік"),
    (f"{KK_NEWS}, деп толықтырды министрлік.", "министрлік"),
    (f"{KK_NEWS}, деп хабарлады ведомство.", "ведомство"),
    (f"{KK_NEWS}, дейді облыс әкімі.", "облыс әкімі"),
    (f"{KK_NEWS}, деді министр.", "министр"),
    (f"облыс әкімдігінің хабарлауынша, {KK_NEWS.lower()}.", "облыс әкімдігі"),
    (f"министрліктің мәліметі бойынша, {KK_NEWS.lower()}.", "министрлік"),
    (f"министрлік хабарлағандай, {KK_NEWS.lower()}.", "министрлік"),
    ("Бұл туралы облыс әкімдігі хабарлады.", "облыс әкімдігі"),
    ("Бұл туралы министрліктің баспасөз қызметі мәлімдеді.", "министрліктің баспасөз қызметі"),
)


@pytest.mark.parametrize("script", range(5))
def test_kazakh_verbs_of_reporting_in_every_script(script):
    """Cyrillic, the Latin alphabets of 2017 (apostrophes), 2018 and 2021, and tote."""
    def spell(cyrillic: str) -> str:
        return _in_script(cyrillic.lower(), script)

    wrong = []
    for text, want in KK_FORMS:
        found = _found(spell(text))
        if not found or found[0].lower() != spell(want).lower():
            wrong.append((spell(text), found))
    assert not wrong


@pytest.mark.parametrize("platform", ("в своем Instagram", "в Telegram-канале", "на своей странице в Facebook"))
def test_russian_platform_between_the_verb_and_its_subject(platform):
    """The platform posted on is where it was said, not a source cited (no via)."""
    found = _found(f"{RU_NEWS}, сообщила {platform} аким района.")
    assert found == ("аким района", None, "reports")


# --- families of found5's test half, read in the cycle (2026-12-07, session 11) ------------------------------------

@pytest.mark.parametrize("be", ("is", "are", "was", "were", "has been", "have been"))
@pytest.mark.parametrize("lemma", ("report", "say", "write", "state"))
def test_english_progressive_reporting(be, lemma):
    """found5-108 ``Bloomberg is reporting that …``: the progressive of every verb of reporting and saying."""
    verb = {"report": "reporting", "say": "saying", "write": "writing", "state": "stating"}[lemma]
    # an outlet reports; a name alone says as a person would ("Smith said"), so a body says
    subject, want = ("Bloomberg", "Bloomberg") if lemma == "report" else ("The ministry", "ministry")
    assert _found(f"{subject} {be} {verb} that {NEWS}.") == (want, None, "reports")
    assert _found(f"{_cap(NEWS)}, the ministry {be} {verb}.") == ("ministry", None, "reports")


@pytest.mark.parametrize(("source", "want"), (
    ("Lit.kz", "Lit.kz"), ("Lit.kz's report", "Lit.kz"), ("Reuters’ report", "Reuters"),
    ("the ministry's data", "ministry"), ("the latest figures from Kazstat", "Kazstat"),
    ("the Foreign Ministry's statement", "Foreign Ministry"),
))
@pytest.mark.parametrize("according", ("according to", "as per"))
def test_english_according_to_and_as_per_a_source_or_its_report(according, source, want):
    """found5-029 ``as per Lit.kz's report``: ``as per`` is ``according to``, and X's report/data/statement is X."""
    assert _found(f"{_cap(NEWS)}, {according} {source}.") == (want, None, "reports")
    assert _found(f"{_cap(according)} {source}, {NEWS}.") == (want, None, "reports")


@pytest.mark.parametrize("rule", ("the new rules", "the law", "the schedule", "the agreement", "the plan",
                                  "the terms of the contract", "the new money and credit policy rules"))
def test_according_to_a_rule_is_no_source(rule):
    """found5-102's page: ``(according to the new … rules), BBC reports``: conformity, not a source; a parenthesis
    ends what a reporter cites."""
    assert find_attribution(f"{_cap(NEWS)} according to {rule}.") is None
    assert _found(f"The rate was freed (according to {rule}), BBC reports.") == ("BBC", None, "reports")


@pytest.mark.parametrize("said", ("said", "says", "stated", "told", "confirmed"))
@pytest.mark.parametrize("where", ("in a statement to", "in the statement to", "in an interview with",
                                   "in comments to", "in an emailed statement to", "in a written response to"))
def test_english_said_in_a_statement_to_an_outlet(said, where):
    """found5-191 ``NCOC said in the statement to Reuters that …``: the outlet reports, citing the speaker."""
    assert _found(f"NCOC {said} {where} Reuters that {NEWS}.") == ("Reuters", "NCOC", "reports")
    assert _found(f"{_cap(NEWS)}, the ministry {said} {where} Kazinform.") == ("Kazinform", "ministry", "reports")


@pytest.mark.parametrize("count", ("Two", "Three", "Several", "Some", "Multiple", "A number of", "Four"))
def test_english_sources_counted_are_sources(count):
    """found5-190 ``Two industry sources told Reuters``: the count is no part of the source, as an article is not."""
    assert _found(f"{count} industry sources told Reuters that {NEWS}.") == ("Reuters", "industry sources", "reports")
    assert _found(f"{count} people familiar with the matter told Bloomberg that {NEWS}.") == (
        "Bloomberg", "people familiar with the matter", "reports")


@pytest.mark.parametrize("wording", (
    "To read the original story by {x}, click here.", "This story was originally published by {x}.",
    "This article first appeared in {x}.", "Originally published by {x}.", "Republished with permission from {x}.",
    "The original story was first published on {x}.",
))
def test_english_republication_credit_line(wording):
    """found5-065 ``To read the original story by RFE/RL's Kazakh Service, click here.``: the source of the text."""
    for outlet in ("RFE/RL's Kazakh Service", "The Diplomat", "Eurasianet"):
        found = _found(f"{_cap(NEWS)}.\n{wording.format(x=outlet)}")
        assert found == (outlet.removeprefix("The "), None, "source-line")


@pytest.mark.parametrize(("reporter", "want"), (
    ('ИА "Новости-Казахстан"', 'ИА "Новости-Казахстан"'), ("“Азаттык”", "“Азаттык”"),
    ("«Казинформ»", "«Казинформ»"), ("Tengrinews.kz", "Tengrinews.kz"), ("агентству «Казинформ»", "«Казинформ»"),
))
@pytest.mark.parametrize("verb", ("сообщил", "сообщила", "рассказал", "заявил", "сообщил в интервью",
                                  "рассказала в беседе с"))
@pytest.mark.parametrize(("speaker", "via"), (
    ("пресс-секретарь ДВД Карагандинской области Бахытжан Кудияров",
     "пресс-секретарь ДВД Карагандинской области Бахытжан Кудияров"),
    ("руководитель аппарата Э.Байсалов", "руководитель аппарата Э.Байсалов"),
    ("аким района", "аким района"),
))
def test_russian_told_a_named_outlet_by_a_speaker(verb, reporter, want, speaker, via):
    """found5-002 ``сообщил ИА "Новости-Казахстан" пресс-секретарь ДВД …``, found5-147 ``сообщил в интервью
    “Азаттык” руководитель …``: the outlet told, in the dative, reports; the speaker after it is its source."""
    if "беседе" in verb and reporter.startswith("агентству"):
        reporter = "агентством «Казинформ»"
    assert _found(f"Дорогу закроют до мая, {verb} {reporter} {speaker}.") == (want, via, "reports")


@pytest.mark.parametrize("adjunct", ('с "Барыс Арены"', "из зала суда", "с места событий", "на матче",
                                     "в Алматы", "во Дворце спорта"))
@pytest.mark.parametrize("outlet", ("Bestnews.kz", "МИА «Казинформ»", "агентства", "«Курсива»"))
def test_russian_correspondent_without_where_they_report_from(outlet, adjunct):
    """found5-032 ``передает корреспондент Bestnews.kz с "Барыс Арена"``: where the correspondent is, is no part of
    the outlet; a place inside a quoted name is."""
    want = {"агентства": "Kazinform", "«Курсива»": "«Курсив»"}.get(outlet, outlet)
    text = f"Астана. 5 марта. Kazinform - Матч начался, передает корреспондент {outlet} {adjunct}."
    assert _found(text) == (want, None, "correspondent")
    assert _found("Матч начался, передает корреспондент газеты «Жизнь в Алматы».") == (
        "«Жизнь в Алматы»", None, "correspondent")


@pytest.mark.parametrize("verb", ("выяснял", "выяснила", "побывал", "узнал", "посетили", "выясняет",
                                  "пообщался с жителями"))
@pytest.mark.parametrize("outlet", ("Ulysmedia.kz", "МИА «Казинформ»", "«Власти»", "агентства"))
def test_russian_correspondent_as_the_subject(outlet, verb):
    """found5-118 ``Корреспондент Ulysmedia.kz выяснял, как …``: the outlet's correspondent is the subject of any
    verb of a reporter's work."""
    want = {"агентства": "Kazinform", "«Власти»": "«Власть»"}.get(outlet, outlet)
    text = f"Астана. 5 марта. Kazinform - Тенге ослаб. Корреспондент {outlet} {verb}, как это скажется на ценах."
    assert _found(text) == (want, None, "correspondent")
    plural = f"Астана. 5 марта. Kazinform - Тенге ослаб. Корреспонденты {outlet} {verb}, как это скажется на ценах."
    assert _found(plural) == (want, None, "correspondent")


def test_russian_a_via_ends_at_the_clause_that_follows_it():
    """found5-168's page: ``Как сообщает Казинформ со ссылкой на пресс-службу МЧС РК, 6 ноября …``."""
    for opener in ("Как сообщает", "Сообщает", "Как передает"):
        text = f"{opener} Казинформ со ссылкой на пресс-службу МЧС РК, 6 ноября в 17.00 загорелась кровля здания."
        assert _found(text) == ("Казинформ", "пресс-служба МЧС РК", "reports")
    assert _found("Дорогу закроют, сообщил Казинформ со ссылкой на пресс-службу МЧС РК, добавив, что объезд есть.") \
        == ("Казинформ", "пресс-служба МЧС РК", "reports")


@pytest.mark.parametrize("body", ("congress", "forum", "summit", "assembly", "university", "ministry"))
@pytest.mark.parametrize("when", ("", " on Sept. 12", " on Monday", " on 12 September"))
def test_english_a_bodys_press_service_by_its_common_noun(body, when):
    """found5-130 ``…, reported the congress’s press service on Sept. 12.``: any body's press service, inverted or
    not, with the date it reported."""
    assert _found(f"{_cap(NEWS)}, reported the {body}’s press service{when}.") == (
        f"{body}’s press service", None, "reports")
    assert _found(f"{_cap(NEWS)}, the {body}'s press service said{when}.") == (f"{body}'s press service", None, "reports")


@pytest.mark.parametrize("outlet", ("Vecher.kz", "ИА El.kz", "«Казинформ»", "BaigeNews.kz"))
def test_a_named_outlet_citing_is_not_told_by_a_speaker(outlet):
    """What follows an outlet named after the verb is a speaker only in the nominative: ``со ссылкой на`` cites."""
    assert _found(f"Дорогу закроют до мая, передает {outlet} со ссылкой на Instagram городского акимата.") == (
        outlet, "Instagram городского акимата", "reports")


@pytest.mark.parametrize("label", ("Photo", "Фото", "Сурет", "Foto", "Коллаж"))
@pytest.mark.parametrize("stray", (",", " ,", " –", " -", ";", " —"))
def test_a_credit_after_a_stray_mark_behind_its_label(label, stray):
    """found5-099 ``Photo:, Fotolia``: a mark typed after the label's colon is no part of the credit."""
    assert photo_credit(f"{label}:{stray} Fotolia") == "Fotolia"
    assert find_attribution(f"{label}:{stray} Fotolia") is None


# --- families of found6's rule-writing half (2026-12-07, session 11) ------------------------------------------------

@pytest.mark.parametrize("said", ("said", "said on Friday", "stated", "announced today"))
@pytest.mark.parametrize("reports", ("reports", "reported"))
def test_english_a_speaker_then_the_outlet_reporting(said, reports):
    """found6-033 ``the Kazakh Foreign Ministry said on Friday, Qazinform News Agency reports``."""
    assert _found(f"{_cap(NEWS)}, the Kazakh Foreign Ministry {said}, Qazinform News Agency {reports}.") == (
        "Qazinform News Agency", "Kazakh Foreign Ministry", "reports")


@pytest.mark.parametrize(("via", "want"), (("Kazakhstan Railways", "Kazakhstan Railways"), ("Telegram", None),
                                           ("its Telegram channel", None), ("the Ministry of Energy", "Ministry of Energy")))
def test_english_reports_via_a_source_not_a_platform(via, want):
    """found6-069 ``Trend reports via Kazakhstan Railways``: via a body cites it; via a platform is where."""
    assert _found(f"{_cap(NEWS)}, Trend reports via {via}.") == ("Trend", want, "reports")


@pytest.mark.parametrize("outlet", ("the Japanese TV channel NHK", "NHK"))
@pytest.mark.parametrize("said", ("said this", "said it", "stated this", "said"))
def test_english_said_this_in_an_interview_with_an_outlet(said, outlet):
    """found6-045 ``Tleuberdi said this in an interview with the Japanese TV channel NHK``."""
    assert _found(f"Tleuberdi {said} in an interview with {outlet}.") == ("NHK", "Tleuberdi", "reports")


@pytest.mark.parametrize("title", ("Minister of Foreign Affairs of Kazakhstan", "minister of foreign affairs",
                                   "Deputy Head of the Presidential Administration", "Ambassador of Kazakhstan to Japan"))
def test_english_a_person_and_a_capitalised_title(title):
    """found6-154 ``Yerzhan Kazykhanov, Minister of Foreign Affairs of Kazakhstan, said``."""
    assert _found(f"{_cap(NEWS)}, Yerzhan Kazykhanov, {title}, said.") == (
        f"Yerzhan Kazykhanov, {title}", None, "reports")


@pytest.mark.parametrize("title", ("deputy director for science of the Kasteyev State Museum of Arts",
                                   "head of the regional health department", "Chairman of the Board of KEGOC"))
def test_english_according_to_a_title_and_a_name(title):
    """found6-106 ``According to deputy director for science of the … Museum of Arts Svetlana Kobzhanova``."""
    assert _found(f"According to {title} Svetlana Kobzhanova, {NEWS}.") == (
        f"{title} Svetlana Kobzhanova", None, "reports")


@pytest.mark.parametrize("wires", ("Kazakhstan Today, Interfax-Kazakhstan", "Interfax, TASS", "Trend", "RFE/RL, AP"))
def test_a_closing_list_of_wires(wires):
    """found6-053 ``(Kazakhstan Today, Interfax-Kazakhstan)`` closing the text."""
    assert _found(f"{_cap(NEWS)}.\n({wires})") == (wires, None, "source-line")


@pytest.mark.parametrize("address", ("Pkzsk.info", "Zakon.kz", "Orda.kz", "Tengrinews"))
def test_a_closing_dash_signature_with_an_address(address):
    """found6-096 ``— Pkzsk.info.`` signing a text."""
    assert _found(f"Дорогу закроют до мая. — {address}.") == (address, None, "source-line")


@pytest.mark.parametrize("noun", ("прогнозам", "прогнозу", "оценкам", "оценке", "подсчетам", "расчётам", "сводке",
                                  "отчету", "данным"))
@pytest.mark.parametrize("by", ("Согласно", "По"))
def test_russian_according_to_a_forecast_or_an_estimate(by, noun):
    """found6-127 ``Согласно прогнозам Казгидромета``."""
    assert _found(f"{by} {noun} Казгидромета, в Уральске ожидается гололёд.") == ("Казгидромет", None, "reports")


@pytest.mark.parametrize("script", range(5))
@pytest.mark.parametrize("given", ("ұсынған", "жіберген", "таратқан", "жариялаған"))
def test_kazakh_said_in_the_information_a_body_provided(given, script):
    """found6-040 ``delingen Túrkistan oblysy ákimdigi usynǵan aqparatta``: what the body provided, sent, spread."""
    text = _in_script(f"Мектеп ашылады, деп делінген Түркістан облысы әкімдігі {given} ақпаратта.", script)
    assert _found(text) == (_in_script("Түркістан облысы әкімдігі", script), None, "reports")


# --- families read in real English news bodies (../shared/evaldata ground truth, not a case set) --------------------

@pytest.mark.parametrize("outlet", ("Business Insider", "the Argus Leader", "Agence France-Presse", "the Financial Times",
                                    "USA Today", "the Hill"))
def test_english_told_an_outlet_by_its_masthead(outlet):
    """``told Business Insider``, ``told the Argus Leader``: a masthead's last word, an article before capitals or
    a hyphenated name is an outlet's."""
    want = outlet.removeprefix("the ")
    assert _found(f"An insurgent source told {outlet} that {NEWS}.") == (want, "insurgent source", "reports")


@pytest.mark.parametrize(("source", "want"), (
    ("analysis from Poynter", "Poynter"), ("a new survey from Piper Jaffray", "Piper Jaffray"),
    ("credible reports received by Amnesty", "Amnesty"), ("data released by MOTIE in August", "MOTIE"),
    ("a study by the World Bank", "World Bank"), ("figures from Kazstat last week", "Kazstat"),
))
def test_english_according_to_what_a_source_published(source, want):
    """``according to analysis from Poynter``, ``data released by MOTIE in August``: the source, without what it
    published or when."""
    assert _found(f"{_cap(NEWS)}, according to {source}.") == (want, None, "reports")


def test_english_both_outlets_have_reported():
    assert _found(f"As both NBC News and Bloomberg have reported, {NEWS}.") == ("NBC News and Bloomberg", None, "reports")


@pytest.mark.parametrize("declined", ("declined to comment", "refused to comment", "did not respond to a request to "
                                                                                     "comment"))
def test_english_a_spokesperson_declining_to_comment_is_no_attribution(declined):
    assert find_attribution(f"A spokesperson for the ministry {declined}.") is None


@pytest.mark.parametrize("pronoun", ("he", "she", "they"))
def test_english_a_pronoun_told_an_outlet_cites_no_one_named(pronoun):
    assert _found(f"{_cap(pronoun)} told Reuters that {NEWS}.") == ("Reuters", None, "reports")


@pytest.mark.parametrize("title", ("senior vice president for space and launch at Boeing",
                                   "NASA's associate administrator of the Science Mission Directorate",
                                   "chief executive officer of KEGOC"))
def test_english_a_person_and_a_corporate_title_said(title):
    assert _found(f"{_cap(NEWS)}, Jim Chilton, {title}, said in a statement.") == (
        f"Jim Chilton, {title}", None, "reports")


@pytest.mark.parametrize("label", ("Дереккөз", "Источник", "Source", "Derekkóz", "ДЕРЕККӨЗ"))
@pytest.mark.parametrize("address", ("ktk.kz", "zakon.kz", "tengrinews.kz"))
def test_a_label_glued_to_a_web_address(label, address):
    """found6-012 ``Дереккөзktk.kz``: a page lost what parted the label from the address."""
    assert _found(f"Мұнай қымбаттады.\n\n{label}{address}") == (address, None, "source-line")


@pytest.mark.parametrize(("printed", "reporter"), (
    ("Bul týrаly оblys áкіmdіgіnіń bаspаsóz qyzmеtі hаbаrlаdy.", "оblys áкіmdіgіnіń bаspаsóz qyzmеtі"),
    ("Bul týraly oblys ákimdiginiń baspasóz qyzmeti habarlady.", "oblys ákimdiginiń baspasóz qyzmeti"),
    ("Бұл туралы облыс әкімдігінің баспасөз қызметі хабарлады.", "облыс әкімдігінің баспасөз қызметі"),
    ("Дорогу закроют, сообщает пресс-служба акимaта.", "пресс-служба акимaта"),  # a Latin а in Russian
))
def test_words_typed_with_the_other_scripts_look_alikes_are_read_and_given_as_printed(printed, reporter):
    """found6-160: Kazakh Latin typed with Cyrillic а, о, к, і, е (a converted edition): read in one script, given
    as printed."""
    assert _found(f"Búgіn qurylys aiaqtaldy. {printed}") == (reporter, None, "reports")


def test_the_families_above_keep_their_neighbours():
    """What the families must not take: an organisation's own name holding a word of data (``Agency for
    Statistics``), ``one of`` (no count), a person's hyphenated name told (no masthead)."""
    assert _found(f"{_cap(NEWS)}, according to the Agency for Statistics of Kazakhstan.") == (
        "Agency for Statistics of Kazakhstan", None, "reports")
    assert _found(f"One of the officers told Reuters that {NEWS}.") == ("Reuters", "One of the officers", "reports")
    assert find_attribution(f"Smith told Jean-Pierre Dupont that {NEWS}.") is None


# --- families added from the language (issue 16, session 12): a grid of constructions, then found7's rule half ---

KK_BODIES = (  # nominative, genitive, locative
    ("Денсаулық сақтау министрлігі", "Денсаулық сақтау министрлігінің", "Денсаулық сақтау министрлігінде"),
    ("облыс әкімдігінің баспасөз қызметі", "облыс әкімдігінің баспасөз қызметінің", "облыс әкімдігінің баспасөз қызметінде"),
    ("ҚР ІІМ", "ҚР ІІМ-нің", "ҚР ІІМ-де"),
    ("Қазгидромет", "Қазгидрометтің", "Қазгидрометке"),
)
KK_ALPHABETS = ("cyrillic", "latin2017", "latin2018", "latin2021", "tote")  # informal ASCII is read by its cues
KK_QUOTE_VERBS = ("нақтылады", "ескертті", "растады", "жеткізді", "атап көрсетті", "баса айтты", "жауап берді",
                  "түйіндеді", "болжады", "сендірді", "хабар берді")
KK_TOLD_VERBS = ("жариялады", "ақпарат таратты", "хабар таратты", "мәлімдеме жасады", "хабарлады", "мәлімдеді")
KK_ACCORDING = ("айтуынша", "сөзінше", "хабарламасына сәйкес", "мәлімдемесі бойынша", "болжамынша", "мәліметінше")


@pytest.mark.parametrize("script", KK_ALPHABETS)
def test_kazakh_verbs_of_saying_after_a_quote(script):
    """``…, деп нақтылады X``: every verb of saying after ``деп``, every subject kind, in every script."""
    wrong = []
    for (nom, _, _), verb in itertools.product(KK_BODIES, KK_QUOTE_VERBS):
        text = kazakh.spell(f"Жол жабылады, деп {verb} {nom}.", script)
        if _found(text) != (kazakh.spell(nom, script), None, "reports"):
            wrong.append((text, _found(text)))
    assert not wrong


@pytest.mark.parametrize("script", KK_ALPHABETS)
def test_kazakh_verbs_of_telling_after_the_subject(script):
    """``Бұл туралы X жариялады / ақпарат таратты``."""
    wrong = []
    for (nom, _, _), verb in itertools.product(KK_BODIES, KK_TOLD_VERBS):
        text = kazakh.spell(f"Бұл туралы {nom} {verb}.", script)
        if _found(text) != (kazakh.spell(nom, script), None, "reports"):
            wrong.append((text, _found(text)))
    assert not wrong


@pytest.mark.parametrize("script", KK_ALPHABETS)
def test_kazakh_according_to_a_body(script):
    """``X-тың айтуынша``, ``X-тың хабарламасына сәйкес``: X in the nominative."""
    wrong = []
    for (nom, gen, _), according in itertools.product(KK_BODIES, KK_ACCORDING):
        text = kazakh.spell(f"{gen} {according}, жол жабылады.", script)
        if _found(text) != (kazakh.spell(nom, script), None, "reports"):
            wrong.append((text, _found(text)))
    assert not wrong


@pytest.mark.parametrize("script", KK_ALPHABETS)
def test_kazakh_reported_at_a_body(script):
    """``Бұл туралы баспасөз қызметінде хабарлады`` (reported at the press office): the body, where the locative
    cannot end a name; a name in -да keeps it (``Ақорда``)."""
    for nom, _, loc in KK_BODIES[:3]:
        assert _found(kazakh.spell(f"Бұл туралы {loc} хабарлады.", script)) == (kazakh.spell(nom, script), None, "reports")
    assert _found(kazakh.spell("Бұл туралы Ақорда хабарлады.", script)) == (kazakh.spell("Ақорда", script), None, "reports")


def test_kazakh_place_and_occasion_after_the_speaker_are_dropped():
    assert _found("Қызметі жақсы, – деді ведомство басшысы Мәжіліс куларында.") == ("ведомство басшысы", None, "reports")
    assert _found("Жоспар дайын, – деді министр Ерлан Қарин брифингте.") == ("министр Ерлан Қарин", None, "reports")
    assert _found("Бұл туралы бүгін облыс әкімі Ерлан Ахметов журналистерге арнап өткізген баспасөз мәслихатында "
                  "мәлімдеді.") == ("облыс әкімі Ерлан Ахметов", None, "reports")


def test_kazakh_latin_typed_in_ascii_and_tote_hyphenated_suffixes():
    assert _found("Jol jabylady, dep habarlady Ulttyq bank.") == ("Ulttyq bank", None, "reports")
    assert _found("Jol jabylady, dedi QR IIM.") == ("QR IIM", None, "reports")
    assert _found("قر ءىىم-ءنىڭ حابارلاۋىنشا، جول جابىلادى.") == ("قر ءىىم", None, "reports")


def test_kazakh_data_a_source_gave_according_to():
    """``X агенттігі ұсынған дерекке сай``: the source, by its name alone."""
    assert _found("Global Petrol Prices агенттігі ұсынған дерекке сай, ең арзан жанармай Венесуэлада.") == (
        "Global Petrol Prices", None, "reports")


EN_ORGANISATIONS = ("KazMunayGas", "PetroChina", "S&P Global Ratings", "Air Astana", "Reuters", "Xinhua", "AFP",
                    "Halyk Group", "Samruk Energy")


@pytest.mark.parametrize("org", EN_ORGANISATIONS)
def test_english_an_organisation_named_alone_reports(org):
    """An organisation named alone, by its shape or as a world agency, reports; a person named alone does not."""
    for text in (f"{org} said {NEWS}.", f"{_cap(NEWS)}, {org} said.", f"{_cap(NEWS)}, said {org}."):
        assert _found(text) == (org, None, "reports"), text


@pytest.mark.parametrize("person", ("Tokayev", "McCain", "DeSantis", "Smith"))
def test_english_a_person_named_alone_is_a_speaker(person):
    assert _found(f"{_cap(NEWS)}, {person} said.") is None


@pytest.mark.parametrize(("subject", "want"), (
    ("the Central Asian nation's emergencies ministry", "Central Asian nation's emergencies ministry"),
    ("the country's health ministry", "country's health ministry"), ("a source", "source"),
    ("eyewitnesses", "eyewitnesses"), ("the head of state", "head of state"), ("the report", "report"),
))
def test_english_a_body_or_source_by_its_common_noun(subject, want):
    assert _found(f"{_cap(NEWS)}, {subject} said on Wednesday.") == (want, None, "reports")


@pytest.mark.parametrize("verb", ("said", "noted", "explained"))
def test_english_as_quoted_by_an_outlet(verb):
    """``said X, as quoted by Y`` and ``X said, as cited by Y``: Y reports, citing X."""
    if verb == "said":
        assert _found(f"{_cap(NEWS)}, said representatives of the fan club, as quoted by dimashnews.com.") == (
            "dimashnews.com", "representatives of the fan club", "reports")
    assert _found(f"The ministry {verb}, as cited by Reuters.") == ("Reuters", "ministry", "reports")


def test_english_quoted_as_saying_without_by_whom():
    assert _found(f"{_cap(NEWS)}, Energy Minister Erlan Akkenzhenov was quoted as saying.") == (
        "Energy Minister Erlan Akkenzhenov", None, "reports")


@pytest.mark.parametrize("line", ("(Reporting by Reuters; Editing by Mark Potter)", "Reporting by Xinhua in Almaty",
                                  "Reuters"))
def test_english_a_wire_credit_closing_the_text(line):
    assert find_attributions(f"{_cap(NEWS)}, he said.\n{line}") == [
        find_attributions(f"{_cap(NEWS)}.\n{line}")[0]] and _found(f"{_cap(NEWS)}.\n{line}")[1:] == (None, "source-line")


@pytest.mark.parametrize(("line", "who"), (
    ("(Reporting by Olzhas Auyezov; Editing by Mark Potter)", "Olzhas Auyezov"),
    ("(Reporting by Mariya Gordeyeva in Almaty; Writing by Tom Balmforth; Editing by Alison Williams)", "Mariya Gordeyeva"),
    ("Reporting by Raushan Nurshayeva and Olzhas Auyezov; Editing by Kim Coghill", "Raushan Nurshayeva and Olzhas Auyezov")))
def test_english_a_wire_credit_names_its_reporting_journalist(line, who):
    assert _found(f"{_cap(NEWS)}.\n{line}") == (who, None, "source-line")


@pytest.mark.parametrize(("who", "verb"), (("eco-activist Saken Dildakhmet", "wrote"),
                                           ("political scientist Dosym Satpayev", "noted"),
                                           ("Kazakhstan's permanent delegate Yerik Ashimov", "said")))
def test_english_a_person_with_a_descriptive_title(who, verb):
    assert _found(f"{_cap(NEWS)}, {verb} {who} on his Facebook in late May.") == (who, None, "reports")


def test_english_a_denied_verb_is_no_report():
    for denied in ("did not respond", "has not commented", "never confirmed", "didn't comment"):
        assert find_attribution(f"The ministry {denied}.") is None, denied


RU_MORE_VERBS = ("проинформировала", "напомнил", "объяснила", "ответили", "предупредил", "указал", "предложил",
            "констатировал", "резюмировал")


@pytest.mark.parametrize("verb", RU_MORE_VERBS)
def test_russian_verbs_of_saying(verb):
    assert _found(f"Дорога будет закрыта до мая, — {verb} аким Мангистауской области Алик Айдарбаев.") == (
        "аким Мангистауской области Алик Айдарбаев", None, "reports")


def test_russian_a_body_said_then_an_outlet_reports():
    assert _found("Об этом сообщила пресс-служба ДП Алматы, передает Bestnews.kz.") == (
        "Bestnews.kz", "пресс-служба ДП Алматы", "reports")
    # what follows a verb of saying without "Об этом" may be its object, not a source
    assert _found("Аким отметил особую роль Алматы, пишет ИА El.kz со ссылкой на пресс-службу акимата.") == (
        "ИА El.kz", "пресс-служба акимата", "reports")


def test_russian_answered_at_an_outlets_request():
    assert _found("На эти вопросы по запросу агентства Kazinform ответили в Министерстве цифрового развития РК.") == (
        "Kazinform", "Министерство цифрового развития РК", "reports")


@pytest.mark.parametrize(("text", "want"), (
    ("Согласно информации, опубликованной в Telegram-канале организации, ракета стартовала.", "Telegram-канал организации"),
    ("По данным, размещенным на сайте акимата, дорога закрыта.", "сайт акимата"),
    ("Уровень воды растет, – сказано на сайте КЧС.", "сайт КЧС"),
    ("Дело, как сказано в публикации телеканала 24.kz, заняло четыре месяца.", "24.kz"),
))
def test_russian_information_published_on_a_channel(text, want):
    assert _found(text) == (want, None, "reports")


def test_russian_the_medium_after_a_body_is_dropped():
    assert _found("Пресс-служба акимата Актюбинской области в рассылке сообщила, что обстановка стабильная.") == (
        "Пресс-служба акимата Актюбинской области", None, "reports")


def test_english_an_organisation_before_what_it_is():
    """``Chevron, the largest foreign oil producer in Kazakhstan, said``: the organisation; a person's role is a title
    (``John Smith, the head of the company``), given whole as before."""
    assert _found(f"{_cap(NEWS)}, Chevron, the largest foreign oil producer in Kazakhstan with a 50% stake in the "
                  f"venture, said in a statement.") == ("Chevron", None, "reports")
    assert _found(f"John Smith, the head of the company, said {NEWS}.") == (
        "John Smith, the head of the company", None, "reports")


@pytest.mark.parametrize(("verb", "document"), (("reported", "report"), ("stated", "statement"),
                                                ("noted", "press release")))
def test_english_as_said_in_a_bodys_document(verb, document):
    assert _found(f"As {verb} in the {document} of the Ministry of Agriculture, {NEWS}.") == (
        "Ministry of Agriculture", None, "reports")


@pytest.mark.parametrize(("subject", "want"), (
    ("the IA “Kazakh-Zerno”", "IA “Kazakh-Zerno”"),
    ("Chairman of the Board of “Kazakhstan” TV and Radio Corporation Yerlan Karin",
     "Chairman of the Board of “Kazakhstan” TV and Radio Corporation Yerlan Karin"),
))
def test_english_a_subject_holding_a_quoted_name(subject, want):
    assert _found(f"It should be noted, as {subject} informed earlier, {NEWS}.") == (want, None, "reports")
    assert _found(f"{_cap(NEWS)}. {_cap(subject)} said at a press conference.") == (want, None, "reports")


@pytest.mark.parametrize("medium", ("в видео, опубликованном на сайте", "в интервью, данном вчера",
                                    "на брифинге, который прошел в Астане"))
def test_russian_where_a_speaker_said_it_ends_the_name(medium):
    assert _found(f"Дорога будет закрыта, рассказал глава госкорпорации \"Роскосмос\" Дмитрий Рогозин {medium}.") == (
        "глава госкорпорации \"Роскосмос\" Дмитрий Рогозин", None, "reports")


@pytest.mark.parametrize("text", ("«Это важно, — сказал министр Ерлан Карин, — и мы это сделаем».",
                                  "«Jol jabylady, - dep jazady mınıstr Erlan Qaryn, - biraq ashylady»."))
def test_an_attribution_inside_a_quote_that_resumes(text):
    assert _found(text)[2] == "reports" and _found(text)[0] in ("министр Ерлан Карин", "mınıstr Erlan Qaryn")


def test_kazakh_a_quoted_programme_cited():
    assert _found('Жастар жиналды, деп хабарлайды Stan.kz ақпарат агенттігі 31 арнаның "Информбюро" жаңалықтар '
                  'бағдарламасына сілтеме жасап.') == ("Stan.kz", '"Информбюро"', "reports")


@pytest.mark.parametrize(("line", "want"), (("фото Киры Прейс и Тамары Вааль", "Кира Прейс и Тамара Вааль"),
                                           ("[Photo: Xinhua]", "Xinhua"), ("Фото Анны Ивановой", "Анна Иванова")))
def test_photo_credits_of_two_people_and_in_square_brackets(line, want):
    assert photo_credit(line) == want


# --- found6's test half, read in session 12 (its cases are in moved.txt): the families, generated ---

@pytest.mark.parametrize("company", ("Kazatomprom", "Kazakhtelecom", "Kaztransoil", "Samrukenergo", "Halykbank"))
def test_english_a_company_by_its_compound_name(company):
    assert _found(f"{_cap(NEWS)}, {company} said on Tuesday.") == (company, None, "reports")
    assert _found(f"{company} , the world’s biggest producer, said on Thursday {NEWS}.") == (company, None, "reports")


@pytest.mark.parametrize(("phrase", "want"), (
    ("According to ministry", ("ministry", None, "reports")),
    ("as reported by the official source - Kazakhstan Railways", ("Kazakhstan Railways", None, "reports")),
    ("Kazakh presidential press-service reported", ("Kazakh presidential press-service", None, "reports")),
    ("According to Azernews, via Azertag", ("Azernews", "Azertag", "reports")),
    ("Kyrgyz Border Service said, according to Fergana news agency",
     ("Fergana news agency", "Kyrgyz Border Service", "reports")),
    ("Readers informed 24.kg news agency", ("24.kg news agency", "Readers", "reports")),
    ("according to the final results announced by the Central Election Commission (CEC) at a March 27 meeting",
     ("Central Election Commission (CEC)", None, "reports")),
))
def test_english_found6_families(phrase, want):
    assert _found(f"{_cap(NEWS)}. {_cap(phrase)}.") == want


def test_english_a_speaker_citing_a_body_is_no_outlets_report():
    """``X said, according to the ministry``: the ministry is no outlet a speaker is cited by."""
    assert _found(f"{_cap(NEWS)}, the governor said, according to the ministry.") != ("ministry", "governor", "reports")


def test_monitoring_services_line_names_the_agency():
    assert find_attributions(f"Text of report by Russian state news agency ITAR-TASS\n\n{_cap(NEWS)}.")[0].reporter == (
        "ITAR-TASS")


@pytest.mark.parametrize("script", KK_ALPHABETS)
def test_kazakh_subject_then_object_clause_then_verb(script):
    """``Ұлттық банк … шығатынын хабарлады``: the subject opening the sentence, up to its head noun, an acronym or a
    name; a sentence with no subject before the clause names none."""
    for subject in ("Қазақстан Ұлттық банкі", "Ұлттық банк", "облыс әкімдігінің баспасөз қызметі", "министрлік",
                    "Денсаулық сақтау министрлігі"):
        for clause in ("10 маусымнан бастап ескі банкноттар айналымнан шығатынын", "жол жабылатынын",
                       "су жоқ екенін"):
            text = kazakh.spell(f"Бүгін {subject} {clause} хабарлады.", script)
            assert _found(text) == (kazakh.spell(subject, script), None, "reports"), text
    assert _found(kazakh.spell("Биыл елімізде астық мол болатынын айтты.", script)) is None
    assert _found(kazakh.spell("Ол жол жабылатынын айтты.", script)) is None


@pytest.mark.parametrize("verb", ("пікір білдірді", "түсініктеме берді"))
def test_kazakh_commented_and_regarding(verb):
    assert _found(f"Бұл оқиғаға қатысты облыстық полиция департаментінің баспасөз қызметі {verb}.") == (
        "облыстық полиция департаментінің баспасөз қызметі", None, "reports")


@pytest.mark.parametrize("line", ("Түркістан облысының Өңірлік коммуникациялар қызметі",
                                  "Региональная служба коммуникаций Туркестанской области",
                                  "Regional Communications Service of Turkestan region"))
def test_a_communications_service_alone_on_its_line(line):
    assert find_attributions(f"{_cap(NEWS)}.\n{line}\n") == [
        find_attributions(f"{line}\n")[0]] and find_attributions(f"{line}\n")[0].kind == "source-line"


def test_kazakh_passive_on_a_site_named_with_its_acronym():
    assert _found("Бұл туралы биржаның (KASE) ресми сайтында хабарланды.") == (
        "биржаның (KASE) ресми сайты", None, "reports")


def test_russian_a_quoted_source_does_not_decline_and_an_outlets_kind_is_dropped():
    assert _found("Жители поделились кадрами, передает Qazweek.kz со ссылкой на «Алау».") == (
        "Qazweek.kz", "«Алау»", "reports")
    assert _found("Следствие продолжается”, передает агентство Тенгри ньюз.") == ("Тенгри ньюз", None, "reports")


@pytest.mark.parametrize("line", ("(Xinhua/Zhao Ge)", "(Greenpeace/Knoth)"))
def test_an_agency_and_its_photographer_is_a_credit_not_a_source(line):
    assert photo_credit(line) == line.strip("()")
    assert find_attributions(f"{_cap(NEWS)}. {line}") == []


# --- found7's test half, read in session 12 (its cases are in moved.txt): the families, generated ---

@pytest.mark.parametrize(("text", "want"), (
    ("Report informs, Minister of Internal Affairs of Kazakhstan, Kalmukhanbet Kasymov said.",
     ("Report", "Minister of Internal Affairs of Kazakhstan, Kalmukhanbet Kasymov", "reports")),
    ("This was reported to the Russian media on Thursday by First Deputy Minister of Foreign Affairs Shahrat Nuryshev.",
     ("First Deputy Minister of Foreign Affairs Shahrat Nuryshev", None, "reports")),
    ("A detailed account of the crisis has been provided by Sputnik news agency.", ("Sputnik news agency", None, "reports")),
    ("Kazakhstan news agency (Kazinform) quoted the Ministry as saying in a statement that roads are closed.",
     ("Kazinform", "Ministry", "reports")),
    ("The Ministry of Emergencies in Kazakhstan announced the evacuation of 10,000 people.",
     ("Ministry of Emergencies in Kazakhstan", None, "reports")),
    ("Kremlin aide on foreign policy Yuriy Ushakov told reporters on November 26 that the roads are closed.",
     ("Kremlin aide on foreign policy Yuriy Ushakov", None, "reports")),
    ("In a statement Kazakhstan’s ecology ministry said the boom was good.",
     ("Kazakhstan’s ecology ministry", None, "reports")),
    ("The roads are closed, the committee's spokesman Saken Dildakhmet shared in a Facebook post, Kazinform reports.",
     ("Kazinform", "committee's spokesman Saken Dildakhmet", "reports")),
    ("Akkenzhenov was quoted by Russian state news agency TASS as saying it grew.", ("TASS", "Akkenzhenov", "reports")),
))
def test_english_found7_families(text, want):
    assert _found(text) == want


def test_english_a_passive_of_giving_needs_information_given():
    """``was provided by`` reports only what is information (an account, data): ``The building was provided by the
    city`` names no source."""
    assert _found("The building was provided by the city administration.") is None


@pytest.mark.parametrize(("text", "want"), (
    ("Бұл туралы сот үкім шығарды. Соттан хабарлағандай, жетекшілер сотталды.", "сот"),
    ("Қала әкімдігінен атап өткендей, бұл жоба жақсы.", "Қала әкімдігі"),
    ("Бұл фактіге облыстың денсаулық сақтау басқармасы түсінік берді.", "облыстың денсаулық сақтау басқармасы"),
    ("Орталық коммуникациялар қызметінде сөз алған Энергетика министрі Болат Ақшолақовтың айтуынша, баға өседі.",
     "Энергетика министрі Болат Ақшолақов"),
    ("Аудан әкімінің орынбасары Абай Бекбаевтың хабарлауына қарағанда, ардагерлер бар.",
     "Аудан әкімінің орынбасары Абай Бекбаев"),
))
@pytest.mark.parametrize("script", KK_ALPHABETS)
def test_kazakh_found7_families(text, want, script):
    found = _found(kazakh.spell(text, script))
    assert found is not None and found[0].lower() == kazakh.spell(want, script).lower()


@pytest.mark.parametrize(("text", "want"), (
    ("– Тенге закончились, – рассказали в одном обменном пункте.", ("один обменный пункт", None, "reports")),
    ("Ситуацию прокомментировали и в национальном банке РК.", ("национальный банк РК", None, "reports")),
    ("Фото: АО\n\"Роскосмос\" 27 ноября сообщил, что были повреждения.", ('"Роскосмос"', None, "reports")),
    ("В МВД прокомментировали видео, сообщает корреспондент Tengrinews.kz со ссылкой на официального представителя "
     "министра.", ("Tengrinews.kz", "официальный представитель министра", "correspondent")),
))
def test_russian_found7_families(text, want):
    assert _found(text) == want


@pytest.mark.parametrize(("line", "want"), (("Based on materials from TASS", "TASS"),
                                           ("По материалам Tengrinews.kz", "Tengrinews.kz")))
def test_a_line_naming_what_the_text_was_written_from(line, want):
    assert _found(f"{_cap(NEWS)}.\n\n{line}") == (want, None, "source-line")


@pytest.mark.parametrize(("line", "want"), (("EPA/KAZAKHSTAN EMERGENCIES MINISTRY HANDOUT",
                                             "EPA/KAZAKHSTAN EMERGENCIES MINISTRY HANDOUT"),
                                            ("AFP/Vyacheslav Oseledko", "AFP/Vyacheslav Oseledko"),
                                            ("©, mariusz kluzniak", "mariusz kluzniak")))
def test_wire_photo_credits_unlabelled(line, want):
    assert photo_credit(line) == want


# --- found8's rule-writing half (session 12): the families, generated ---

@pytest.mark.parametrize(("text", "want"), (
    ("При этом Минздрав республики сообщает о 28 выживших.", ("Минздрав республики", None, "reports")),
    ("Выжили 28 человек.\nРанее в АТОР сообщили, что клиентов не было.", ("АТОР", None, "reports")),
    ("АЭС одобрена. Об этом сообщил в воскресенье, 6 октября, ЦИК страны.", ("ЦИК страны", None, "reports")),
    ("Как-то депутат Мажилиса заявил, что станции плохие.", ("депутат Мажилиса", None, "reports")),
    ("И лишь позже председатель правления аэропорта Дастан МАЛИЕВ уточнил журналистам, что виной талые воды.",
     ("председатель правления аэропорта Дастан МАЛИЕВ", None, "reports")),
    ("Отказали двигатели, рассказал РИА Новости эксперт в авиационной отрасли.",
     ("РИА Новости", "эксперт в авиационной отрасли", "reports")),
    ("Они в гостинице, сообщили ТАСС в пресс-службе акимата.", ("ТАСС", "пресс-служба акимата", "reports")),
    ("Авария на трассе», — сообщили в ДП редакции КазТАГ во вторник.", ("КазТАГ", "ДП", "reports")),
))
def test_russian_found8_families(text, want):
    assert _found(text) == want


@pytest.mark.parametrize(("text", "want"), (
    ("Russia's Interfax news agency reported that the probe began.", ("Interfax news agency", None, "reports")),
    ("According to the latest statistics available from the Central Referendum Commission, turnout was 61%.",
     ("Central Referendum Commission", None, "reports")),
    ("Most voted in favour, local pollster SOCIS-A said hours after the vote ended.", ("SOCIS-A", None, "reports")),
    ("It is decided,\" popular blogger Vadim Boreiko wrote.", ("popular blogger Vadim Boreiko", None, "reports")),
    ("There were seventy events, \"Evening Astana\" reports", ('"Evening Astana"', None, "reports")),
    ("So far, officials say", ("officials", None, "reports")),
))
def test_english_found8_families(text, want):
    assert _found(text) == want


@pytest.mark.parametrize("script", KK_ALPHABETS)
def test_kazakh_found8_families(script):
    def read(text: str) -> str | None:
        found = _found(kazakh.spell(text, script))
        return found and found[0]
    holder = "Премьер-министрдің орынбасары Қанат Бозымбаев"  # in tote, without capitals, by the surname's ending
    assert read("Премьер-министрдің орынбасары Қанат Бозымбаев Ақтау маңындағы тергеу аяқталатынын мәлімдеді.") == (
        kazakh.spell(holder, script))
    assert read("Денсаулық сақтау министрі Мәжіліс кулуарында эпидемияның жоқтығын айтты.") == (
        kazakh.spell("Денсаулық сақтау министрі", script))
    assert read("Ведомство өкілдері науқастардың 77 пайызы екпе алмағандар деп хабарлады.") == (
        kazakh.spell("Ведомство өкілдері", script))
    assert (read("Жер сілкінді деп хабарлайды Buqara.kz сайтының тілшісі.") or "").lower() == "buqara.kz"
    assert read("Еуропа–Жерорта теңізі сейсмология орталығының (EMSC) мәліметінше, дүмпу болған.") == (
        kazakh.spell("Еуропа–Жерорта теңізі сейсмология орталығы (EMSC)", script))


def test_kazakh_2021_latin_variant_letters_and_a_misspelt_correspondent():
    assert _found("Kazaqstandyq Ūlttyq derekter ortalyǧynyŋ mälımetınşe, magnitudasy 4.5.") == (
        "Kazaqstandyq Ūlttyq derekter ortalyǧy", None, "reports")
    assert _found("Жер сілкінді деп хабарлайды Buqara.kz сайтының тілшсі") == ("Buqara.kz", None, "correspondent")


@pytest.mark.parametrize(("line", "want"), (("ашық дереккөзден", "ашық дереккөз"), ("Фото: Ашық дереккөзден", "Ашық дереккөз"),
                                           ("Сурет: ғаламтордан", "ғаламтор")))
def test_kazakh_an_open_source_credit_in_the_nominative(line, want):
    assert photo_credit(line) == want


@pytest.mark.parametrize(("text", "want"), (
    ("According to the National Bank of Kazakhstan (hereinafter the NB), on 17 March the rate was 505.2.",
     ("National Bank of Kazakhstan", None, "reports")),
    ("По данным Национального банка (далее – НБ), курс вырос.", ("Национальный банк", None, "reports")),
))
def test_a_names_definition_in_brackets(text, want):
    assert _found(text) == want


def test_a_bracketed_list_of_wires_on_its_own_line_mid_text():
    found = find_attributions(f"{_cap(NEWS)}.\n\n(Kazakhstan Today, Interfax-Kazakhstan)\n\nA Checkered Past\n\nMore text.")
    assert [(a.reporter, a.kind) for a in found] == [("Kazakhstan Today, Interfax-Kazakhstan", "source-line")]


@pytest.mark.parametrize("script", KK_ALPHABETS)
def test_kazakh_an_attribution_quoted_by_another(script):
    """``Бұл туралы X мәлім етті, деп хабарлайды Y``: X is read, and Y after it."""
    text = kazakh.spell("Бұл туралы орталық директорының орынбасары Нұрсәрсен Өзбеков мәлім етті, деп хабарлайды", script)
    found = _found(text)
    assert found is not None and found[0] == kazakh.spell("орталық директорының орынбасары Нұрсәрсен Өзбеков", script)


# --- found8's test half, read in session 12 after its figure was taken (its cases are in moved.txt) ---

@pytest.mark.parametrize(("text", "want"), (
    ("Russian news agencies said the plane had been rerouted.", ("Russian news agencies", None, "reports")),
    ("Russia's aviation watchdog said in a statement that it was a bird strike.",
     ("Russia's aviation watchdog", None, "reports")),
    ("Kazakh media reports say that the turnout was 61%.", ("Kazakh media", None, "reports")),
    ("The championship ends on August 22, the regional department of internal policy informed.",
     ("regional department of internal policy", None, "reports")),
    ("Speaking further to Red Bull, Rybakina detailed how she became a tennis player.", ("Red Bull", "Rybakina", "reports")),
    ("TV analysts assert the economic climate suggests the tenge is weak.", ("TV analysts", None, "reports")),
    ("The European–Mediterranean Seismological Centre indicated that the epicenter was near.",
     ("European–Mediterranean Seismological Centre", None, "reports")),
))
def test_english_found8_test_families(text, want):
    assert _found(text) == want


@pytest.mark.parametrize(("text", "want"), (
    ("Читайте нас\nИсточник новости: \"Газета\"\n\nВаш комментарий:", ('"Газета"', None, "source-line")),
    ("Это первый титул, передает корреспондент портала newsroom.kz.", ("newsroom.kz", None, "correspondent")),
    ("Погибли трое, сообщило \"Интерфакс\" МЧС республики.", ('"Интерфакс"', "МЧС республики", "reports")),
    ("Корреспонденту NUR.KZ в Департаменте полиции области сообщили, что ДТП произошло ночью.",
     ("NUR.KZ", "Департамент полиции области", "reports")),
    ("два сигнала оказались неподтвержденными.Сайт города Актау", ("Сайт города Актау", None, "source-line")),
    ("the plane crash would prompt a special investigation.- Bernama", ("Bernama", None, "source-line")),
))
def test_russian_and_closing_found8_test_families(text, want):
    assert _found(text) == want


def test_a_site_line_needs_the_site_of_something():
    assert find_attributions("Сайт работает в тестовом режиме") == []


@pytest.mark.parametrize(("text", "want"), (
    ("нығайтуға бағытталады», – деп мәлімдеген ҰБ басшысы.", "ҰБ басшысы"),
    ("ҚР Орталық сайлау комиссиясының сағат 14:00-де жарияланған алдын ала мәліметі бойынша, 52 пайызы дауыс берді.",
     "ҚР Орталық сайлау комиссиясы"),
    ("Денсаулық сақтау министрлігінің таратқан ақпарына сүйенсек, биыл 4184 науқас бар.", "Денсаулық сақтау министрлігі"),
))
@pytest.mark.parametrize("script", KK_ALPHABETS)
def test_kazakh_found8_test_families(text, want, script):
    found = _found(kazakh.spell(text, script))
    assert found is not None and found[0].lower() == kazakh.spell(want, script).lower()


@pytest.mark.parametrize("script", KK_ALPHABETS)
def test_kazakh_an_acronym_reported_a_figure(script):
    """``EMSC бұл оқиғаның магнитудасын 2,9 деп жариялаған``: a decimal comma is inside the words reported."""
    assert _found("EMSC " + kazakh.spell("бұл оқиғаның магнитудасын 2,9 деп жариялаған.", script)) == (
        "EMSC", None, "reports")


# --- found9's rule-writing half (session 12) ---

@pytest.mark.parametrize(("text", "want"), (
    ("Evacuated 63,000 people, said Kaharman Orazalin, head of the relief department at the Kazakh Emergency "
     "Situations Ministry.", ("Kaharman Orazalin, head of the relief department at the Kazakh Emergency Situations "
                              "Ministry", None, "reports")),
    ("A spokesman for the ministry told a briefing it was monitoring the situation.", ("ministry", None, "reports")),
    ("Talks began, Spokesperson of the President Dauren Abayev informed via Facebook social network.",
     ("Spokesperson of the President Dauren Abayev", None, "reports")),
))
def test_english_found9_families(text, want):
    assert _found(text) == want


@pytest.mark.parametrize(("text", "want"), (
    ("Адам эвакуацияланды, деп хабарлайды «Adyrna» тілшісі ҚазАқпаратқа сілтеп.", ("«Adyrna»", "ҚазАқпарат", "correspondent")),
    ("Бұл туралы Экология, геология және табиғи ресурстар министрі Мағзұм Мырзағалиев хабарлады.",
     ("Экология, геология және табиғи ресурстар министрі Мағзұм Мырзағалиев", None, "reports")),
    ("Брифингте сөз сөйлеген министрдің болжамына сенсек, шығарындылар азаяды.", ("министр", None, "reports")),
    ("Балықтың 20 түрі бар», - деп жазды министр Twitter парақшасында.", ("министр", None, "reports")),
))
def test_kazakh_found9_families(text, want):
    assert _found(text) == want


def test_russian_a_quoted_company_in_the_locative():
    assert _found("Информацию подтвердили в «АрселорМиттал Темиртау».") == ("«АрселорМиттал Темиртау»", None, "reports")


# --- the Russian grammar grid (session 13): subject kinds x verbs x word orders ---

# Subjects in the nominative and the genitive, and the number or gender their verb takes.
RU_GRID_SUBJECTS = (
    ("министр энергетики Алмасадам Саткалиев", "министра энергетики Алмасадама Саткалиева", "m"),
    ("пресс-служба акимата Алматы", "пресс-службы акимата Алматы", "f"),
    ("Министерство здравоохранения", "Министерства здравоохранения", "n"),
    ("аким Карагандинской области Ермаганбет Булекпаев", "акима Карагандинской области Ермаганбета Булекпаева", "m"),
    ("президент Касым-Жомарт Токаев", "президента Касым-Жомарта Токаева", "m"),
    ("директор департамента Айгуль Ахметова", "директора департамента Айгуль Ахметовой", "f"),
    ("синоптики", "синоптиков", "p"),
    ("вице-министр финансов", "вице-министра финансов", "m"),
    ("компания «КазМунайГаз»", "компании «КазМунайГаз»", "f"),
    ("источник в правительстве", "источника в правительстве", "m"),
)
# Past stems of reporting verbs: every gender and number is generated.
RU_GRID_VERBS = ("сообщи", "заяви", "рассказа", "отмети", "поясни", "уточни", "подчеркну", "добави", "написа", "сказа",
                 "ответи", "подтверди", "напомни", "предупреди", "констатирова", "прокомментирова", "объясни", "указа",
                 "проинформирова", "завери", "пообеща", "высказа", "призва", "акцентирова", "сообща")
RU_GRID_ORDERS = (
    "{S} {V}, что цены вырастут.",
    "{S} {V} журналистам, что цены вырастут.",
    "Ранее {s} {V}, что цены вырастут.",
    "{S} также {V}, что цены вырастут.",
    "{S} в пятницу {V}, что цены вырастут.",
    "{S} {V} в своем Telegram-канале, что цены вырастут.",
    "Об этом {V} {s}.",
    "Об этом {V} {s} в среду.",
    "Об этом на брифинге {V} {s}.",
    "Об этом в своем Telegram-канале {V} {s}.",
    "О росте цен {V} {s}.",
    "«Цены вырастут», — {V} {s}.",
    "\"Цены вырастут\", - {V} {s}.",
    "«Цены вырастут», — {V} на брифинге {s}.",
    "Цены вырастут в следующем году, {V} {s}.",
    "Цены вырастут, 25 декабря {V} {s}.",
    "Как {V} {s}, цены вырастут.",
    "Как ранее {V} {s}, цены вырастут.",
)


def _ru_past(stem: str, agreement: str) -> str:
    return stem + {"m": "л", "f": "ла", "n": "ло", "p": "ли"}[agreement]


@pytest.mark.parametrize("order", RU_GRID_ORDERS)
def test_russian_every_subject_and_verb_in_every_order(order):
    wrong = []
    for stem in RU_GRID_VERBS:
        for nominative, _, agreement in RU_GRID_SUBJECTS:
            text = order.format(S=_cap(nominative), s=nominative, V=_ru_past(stem, agreement))
            if _found(text) not in ((nominative, None, "reports"), (_cap(nominative), None, "reports")):
                wrong.append((text, _found(text)))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("opening", ("По словам {G}", "По данным {G}", "По информации {G}"))
def test_russian_according_to_every_subject_in_the_genitive(opening):
    for nominative, genitive, _ in RU_GRID_SUBJECTS:
        assert _found(opening.format(G=genitive) + ", цены вырастут.") == (nominative, None, "reports")


@pytest.mark.parametrize("text", (
    "Вчера он передал документы в суд.",
    "Компания предложила новый тариф.",
    "Министр подтвердил свое участие.",
    "Он написал книгу о войне.",
    "Банк объявил форс-мажор после аварии.",
    "Референдум признали состоявшимся.",
    "В Алматы полиция сообщила подробности.",
))
def test_russian_an_object_after_the_verb_of_a_subject_before_it_is_no_reporter(text):
    """A verb whose subject stands before it has its object after it (``Компания предложила новый тариф``)."""
    assert find_attribution(text) is None


@pytest.mark.parametrize(("text", "want"), (
    ("Ситуацию прокомментировали в пресс-службе региональной полиции.", "пресс-служба региональной полиции"),
    ("О крупной спецоперации в Алматы сообщили в Комитете Нацбезопасности.", "Комитет Нацбезопасности"),
    ("«Перенос не планируется», ― проинформировали в пресс-службе акима региона.", "пресс-служба акима региона"),
    ("Иллюстративное фото с сайта www.yarskonline.ru Об этом сообщает РГП \"Казгидромет\".", "РГП \"Казгидромет\""),
))
def test_russian_an_object_or_a_phrase_before_the_verb_leaves_its_subject_after_it(text, want):
    assert _found(text) == (want, None, "reports")


# --- found10's rule-writing half (session 13): the families, generated ---

@pytest.mark.parametrize(("text", "want"), (
    ("Город остался без тепла, об этом написал Экспресс К", ("Экспресс К", None, "reports")),
    ("Рубли сдают массово, подсчитали специалисты Finprom.kz.", ("специалисты Finprom.kz", None, "reports")),
    ("Такой информацией поделилось агентство Sputnik Казахстан.", ("Sputnik Казахстан", None, "reports")),
    ("Такими данными поделилась газета «Время».", ("«Время»", None, "reports")),
    ("По данным издания из-за погодных условий задерживаются рейсы.", ("издание", None, "reports")),
))
def test_russian_found10_families(text, want):
    assert _found(text) == want


@pytest.mark.parametrize(("text", "want"), (
    ("Exports fell. The Caspian Pipeline Consortium (CPC) said in a statement on August 4, which was carried by "
     "Tengrinews.", ("Tengrinews", "Caspian Pipeline Consortium (CPC)", "reports")),
    ("Exports fell, the consortium said, as carried by Interfax.", ("Interfax", "consortium", "reports")),
    ("The rocket fell, the Russian space agency Roscosmos said.", ("Roscosmos", None, "reports")),
    ("The rocket fell, the US-based American-Russian joint venture International Launch Services said.",
     ("International Launch Services", None, "reports")),
    ("The fare rose, US carrier FlyArystan said.", ("FlyArystan", None, "reports")),
    ("The rocket fell, space officials said Tuesday.", ("space officials", None, "reports")),
    ("Health authorities said on Friday that the school will close.", ("Health authorities", None, "reports")),
    ("Drills begin, the Chief of the General Staff Marat Khusainov, who is also First Deputy Minister of Defense, "
     "said.", ("Chief of the General Staff Marat Khusainov", None, "reports")),
    ("The rocket left Baikonur, according to the Khrunichev center which makes the Proton boosters.",
     ("Khrunichev center", None, "reports")),
))
def test_english_found10_families(text, want):
    assert _found(text) == want


def test_english_told_someone_to_do_something_is_an_order_not_a_report():
    assert _found("Officials told residents to stay home.") is None
    assert _found("The ministry told Kazinform that roads are closed.") == ("Kazinform", "ministry", "reports")


@pytest.mark.parametrize("script", KK_ALPHABETS)
@pytest.mark.parametrize(("text", "want"), (
    # a subject, then what it reported about (туралы), a place before what follows (-дағы), a demonstrative
    ("Энергетика министрлігі жылу құбырларының 70%-дан астамы тозғаны туралы хабарлады.", "Энергетика министрлігі"),
    ("Бас прокуратура Екібастұздағы апатты тергеу екі айға дейін созылатынын мәлім етті.", "Бас прокуратура"),
    ("Вице-министр бұл мәселе әлі пысықталып жатқанын мәлім етті.", "Вице-министр"),
    # a title's holder named after it, told in tote too by the surname's ending
    ("Төтенше жағдайлар вице-министрі Бауыржан Сыздықов тасқын салдарынан бүлінген үйлердің орнын комиссиялар "
     "анықтайтынын айтты.", "Төтенше жағдайлар вице-министрі Бауыржан Сыздықов"),
    # when it was said, before the subject
    ("1 желтоқсанда кешкі брифинг кезінде премьер-министрдің орынбасары Серік Жұмаңғарин осылай деп мәлімдеді.",
     "премьер-министрдің орынбасары Серік Жұмаңғарин"),
    # according to a reckoning, an opinion, an assessment
    ("Мамандардың есебінше, баға өседі.", "Мамандар"),
    ("Сарапшылардың пікірінше, баға өседі.", "Сарапшылар"),
    ("Банктің бағалауынша, баға өседі.", "Банк"),
    # where it was posted, after the speaker
    ("«Мектеп салынады», - деп жазды министр желідегі парақшасында.", "министр"),
))
def test_kazakh_found10_families(text, want, script):
    found = _found(kazakh.spell(text, script))
    assert found and found[0].lower() == kazakh.spell(want, script).lower()


def test_a_registered_outlets_two_words_are_not_split_by_what_it_cites():
    assert _found("Жалақы өсті, деп хабарлайды Sputnik Қазақстан ұлттық экономика министрлігіне сілтеме жасап.") == (
        "Sputnik Қазақстан", "ұлттық экономика министрлігі", "reports")


# --- the English grammar grid (session 13): organisations of every shape x verbs x word orders ---

EN_GRID_ORGS = (
    ("the Ministry of Energy", "Ministry of Energy"), ("Kazakhstan's Ministry of Energy", "Kazakhstan's Ministry of Energy"),
    ("KazMunayGas", "KazMunayGas"), ("Kazhydromet", "Kazhydromet"), ("Samruk-Kazyna", "Samruk-Kazyna"),
    ("Kazpost", "Kazpost"), ("Air Astana", "Air Astana"), ("the Bureau of National Statistics", "Bureau of National Statistics"),
    ("Energy Minister Almasadam Satkaliyev", "Energy Minister Almasadam Satkaliyev"),
    ("the head of the Astana police department", "head of the Astana police department"),
)
EN_GRID_VERBS = ("said", "reported", "announced", "stated", "noted", "confirmed", "informed", "warned", "explained")
EN_GRID_ORDERS = (
    "{C} {V} {N}.", "{C} {V} that {N}.", "{N}, {s} {V}.", "{N}, {V} {s}.", "{C} {V} on Monday that {N}.",
    "{C} {V} in a statement that {N}.", "{N}, {s} {V} in a statement.", "{C} has {V} that {N}.", "{C} also {V} that {N}.",
    "As {s} {V}, {N}.", "In a statement, {s} {V} that {N}.", "Speaking at a briefing, {s} {V} that {N}.",
    "{N}, {s} {V} at a briefing in Astana on Tuesday.", "{N}, {s} {V}, adding that more details will follow.",
    "{N}, according to {s}.", "Data from {s} showed that {N}.", "{C}'s data showed {N}.",
)
EN_NEWS = "the road to Almaty will be closed until May"


@pytest.mark.parametrize("order", EN_GRID_ORDERS)
def test_english_every_organisation_and_verb_in_every_order(order):
    wrong = []
    for verb in EN_GRID_VERBS:
        for subject, want in EN_GRID_ORGS:
            text = _cap(order.format(C=_cap(subject), s=subject, V=verb, N=EN_NEWS))
            if _found(text) not in ((want, None, "reports"), (_cap(want), None, "reports")):
                wrong.append((text, _found(text)))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("text", (
    "The ministry confirmed the death of two miners.",
    "Officials told residents to leave.",
    "Prices rose, though officials say it is temporary.",
    "He showed reporters the site.",
    "Kazybekov said the road will be closed.",
    "Kazbek said the road will be closed.",  # a state's prefix starts people's names too
    "Ahmet said the road will be closed.",
    "Rosalind said the road will be closed.",
))
def test_english_objects_orders_and_people_are_no_reporters(text):
    assert find_attribution(text) is None


def test_russian_said_in_an_interview_to_an_outlet_is_the_outlet_citing_the_speaker():
    for nominative, _, agreement in RU_GRID_SUBJECTS:
        text = f"Об этом {_ru_past('заяви', agreement)} {nominative} в интервью газете «Туркестан»."
        assert _found(text) == ("«Туркестан»", nominative, "reports")


# --- found9's test half, read in session 13 after found10 was gathered (its cases are in moved.txt) ---

@pytest.mark.parametrize(("text", "want"), (
    ("Скот отогнан», – рассказал на брифинге в СЦК старший офицер МЧС Ерасыл Сайпаш.",
     ("старший офицер МЧС Ерасыл Сайпаш", None, "reports")),
    ("Об этом он высказался в интервью, сообщается на официальном Facebook аккаунте Акорды.",
     ("официальный Facebook аккаунт Акорды", None, "reports")),
    ("Ситуация под контролем, пишет Zakon.kz со ссылкой на заявление градоначальника.",
     ("Zakon.kz", "градоначальник", "reports")),
    ("В компании \"АрселорМиттал Темиртау\", которой и принадлежит шахта, рассказали, что людей эвакуировали.",
     ("компания \"АрселорМиттал Темиртау\"", None, "reports")),
    ("В гοрах Алматы прοизошел пοжар, передает κорреспοндент Tengrinews.kz.", ("Tengrinews.kz", None, "correspondent")),
))
def test_russian_found9_test_families(text, want):
    assert _found(text) == want


@pytest.mark.parametrize(("text", "want"), (
    ("Grain exports rose due to low volumes in Ukraine (source: agrimarket.info).",
     ("agrimarket.info", None, "source-line")),
    ("(MENAFN- Trend News Agency) ASTANA, Kazakhstan, February 3. Uranium output fell.",
     ("Trend News Agency", None, "source-line")),
    ("The fire was caused by heat.\n\nRFE/RL's Kazakh Service\n", ("RFE/RL's Kazakh Service", None, "source-line")),
    ("Exports rose,\" Deputy Minister of Agriculture Yermek Kosherbayev told at the sitting of the committee.",
     ("Deputy Minister of Agriculture Yermek Kosherbayev", None, "reports")),
    ("According to the ministry’s press statement, buyers were Uzbekistan and China.", ("ministry", None, "reports")),
    ("U.S. space agency NASA says the rocket took off.", ("NASA", None, "reports")),
    ("Rates rose, Kanat Berentayev, deputy director of the Public Policy Research Center, said by telephone.",
     ("Kanat Berentayev, deputy director of the Public Policy Research Center", None, "reports")),
))
def test_english_found9_test_families(text, want):
    assert _found(text) == want


@pytest.mark.parametrize("script", KK_ALPHABETS)
@pytest.mark.parametrize(("text", "want"), (
    # a participle closing the sentence, with the past perfect's auxiliary; before this
    ("Бұған дейін ұлттық экономика министрі Нұрлан Байбазаров доллардың өсетінін айтқан болатын.",
     "ұлттық экономика министрі Нұрлан Байбазаров"),
    # the subject's clause may hold a comma; атап өтті after its subject (in tote with the hamza of өтті)
    ("Комитет төрағасы Зұлфыхар Жолдасов тапсырманың маңыздылығын атап өтті.", "Комитет төрағасы Зұлфыхар Жолдасов"),
    # an attribution quoted by another: both read
    ("Бұл туралы Білім министрі Асхат Аймағамбетов айтты, деп хабарлайды ҚазАқпарат тілшісі.",
     "Білім министрі Асхат Аймағамбетов"),
    ("2025 жылғы 12 тамызда Үкіметтегі брифингте Оқу министрі Ғани Бейсембаев оқу жылы ұзармайтынын мәлімдеді, деп "
     "хабарлайды Zakon.kz тілшісі.", "Оқу министрі Ғани Бейсембаев"),
))
def test_kazakh_found9_test_families(text, want, script):
    spelled = kazakh.spell(want, script).lower()
    assert spelled in [a.reporter.lower() for a in find_attributions(kazakh.spell(text, script))]


def test_a_speaker_labelled_before_their_words():
    assert _found("Дархан Сатыбалды, қала әкімі: «Қызметкерлер секілді»") == (
        "Дархан Сатыбалды, қала әкімі", None, "reports")
    assert _found("Майра Мухамедкызы, директор театра оперы и балета г.Шымкента:") == (
        "Майра Мухамедкызы, директор театра оперы и балета г.Шымкента", None, "reports")
    assert _found("Иван Петров, Москва: цены растут") is None  # a place, and no quote after it


# --- English wire forms of quoting and citing (session 13) ---

@pytest.mark.parametrize(("text", "want"), (
    (f"The minister, quoted by Kazinform, said {EN_NEWS}.", ("Kazinform", "minister")),
    (f"In comments to Kazinform, the ministry said {EN_NEWS}.", ("Kazinform", "ministry")),
    (f"In an interview with Reuters, the minister said {EN_NEWS}.", ("Reuters", "minister")),
    (f"{_cap(EN_NEWS)}, per the ministry.", ("ministry", None)),
    (f"Citing the ministry, Kazinform reported that {EN_NEWS}.", ("Kazinform", "ministry")),
    (f"Kazinform, citing the ministry, reported that {EN_NEWS}.", ("Kazinform", "ministry")),
    (f"{_cap(EN_NEWS)}, according to a Reuters report.", ("Reuters", None)),
    (f"Kazakhstan's state news agency Kazinform reported that {EN_NEWS}.", ("Kazinform", None)),
    (f"Aibek Smadiyarov, the ministry's spokesman, said {EN_NEWS}.", ("ministry", None)),
))
def test_english_quoted_cited_and_in_comments_to(text, want):
    found = _found(text)
    assert found and (found[0], found[1]) == want


@pytest.mark.parametrize(("text", "who"), (
    ("Об этом казахстанский спортсмен сообщил в своем Instagram.", "казахстанский спортсмен"),  # found11-045
    ("Казахстанский боксер заявил, что готов к бою.", "Казахстанский боксер"),
    ("Тренер сборной заявил, что команда готова.", "Тренер сборной"),
    ("Мужчина рассказал, что видел пожар.", "Мужчина")))
def test_russian_a_person_named_by_an_animate_common_noun(text, who):
    assert _found(text) == (who, None, "reports")


@pytest.mark.parametrize(("text", "who"), (
    ("\"Я ему говорил\", - сказал Глава государства Ильину.", "Глава государства"),  # found11-047
    ("\"Всё готово\", - заявил министр журналистам.", "министр"),
    ("Об этом заявил аким области депутатам.", "аким области"),
    ("Об этом сообщил председатель комиссии по делам молодежи.", "председатель комиссии по делам молодежи")))
def test_russian_whom_it_was_said_to_is_no_part_of_the_subject(text, who):
    assert _found(text) == (who, None, "reports")


@pytest.mark.parametrize("text", ("Как выяснил Kapital.kz, курс вырос.", "Курс менял траекторию, выяснил Kapital.kz.",  # found11-136
                                  "Kapital.kz выяснил, что курс вырос."))
def test_russian_found_out_by_an_outlet(text):
    assert _found(text)[0] == "Kapital.kz"


@pytest.mark.parametrize(("text", "where"), (
    ("Бұл туралы Ұлттық банктің ресми сайтында жазылған.", "Ұлттық банктің ресми сайты"),  # found11-133
    ("Бұл жөнінде министрліктің Telegram-арнасында айтылған еді.", "министрліктің Telegram-арнасы"),
    ("Bul týraly Ulttyq banktiń resmı saıtynda jazylǵan.", "Ulttyq banktiń resmı saıty"),
    ("Ұлттық банктің сайтында хабарланғандай, бағам өсті.", "Ұлттық банктің сайты")))
def test_kazakh_written_on_a_site_in_the_perfect(text, where):
    assert _found(text) == (where, None, "reports")


@pytest.mark.parametrize(("text", "who"), (
    ("The Kazakhstani boxer said he is very honored and proud.", "Kazakhstani boxer"),  # found11-164
    ("The 35-year-old athlete told reporters he would retire.", "35-year-old athlete"),
    ("A local resident told the agency that the water was gone.", "local resident"),
    ("\"We plan to harvest 14 mln tons,\" deputy head of the regional health department said.",
     "deputy head of the regional health department"),
    ("“Kazakhstan plans to harvest 14 mln tons,“ acting head of the farming department subdivision told a briefing.",
     "acting head of the farming department subdivision")))  # found11-016
def test_english_someone_named_by_a_common_noun(text, who):
    assert _found(text) == (who, None, "reports")


@pytest.mark.parametrize("text", ("The day he said it, nothing happened.", "The latter reported on the figures.",
                                  "The term for the hibernating state is torpor.", "The agreement maintained that it was"
                                  " fair.", "A deal announced at the beginning of the week was signed."))
def test_english_no_person_in_a_phrase_that_names_none(text):
    assert find_attributions(text) == []


@pytest.mark.parametrize("quote", ('"It was fine,"', "“It was fine,”"))
def test_english_a_subject_after_a_quote_closed_by_its_comma(quote):
    assert _found(f"{quote} the minister said.") == ("minister", None, "reports")


@pytest.mark.parametrize(("text", "who"), (
    ("Judge Gulnar Kazhenova said the group planned to travel to Syria.", "Judge Gulnar Kazhenova"),  # found11-062
    ("Coach Ivan Petrov said the team was ready.", "Coach Ivan Petrov"),
    ("Kazakh boxer Gennady Golovkin said he was proud.", "Kazakh boxer Gennady Golovkin")))
def test_english_a_title_of_any_calling_before_a_name(text, who):
    assert _found(text) == (who, None, "reports")


@pytest.mark.parametrize(("text", "who"), (
    ("In February this year Statistics Committee of the Ministry of National Economy of the country reported that the"
     " yield rose.", "Statistics Committee of the Ministry of National Economy of the country"),  # found11-019
    ("On Monday the Statistics Committee reported that the yield rose.", "Statistics Committee"),
    ("Last week Kazakhstan's Finance Ministry said the deficit grew.", "Kazakhstan's Finance Ministry")))
def test_english_a_time_opening_the_sentence_is_no_part_of_the_subject(text, who):
    assert _found(text) == (who, None, "reports")


@pytest.mark.parametrize("noun", ("summary", "review", "bulletin", "monitoring"))
def test_english_a_bodys_document_is_the_body(noun):  # found11-017
    assert _found(f"Thus, according to the {noun} of the Ministry of Agriculture, 2 mln tons were threshed.") == (
        "Ministry of Agriculture", None, "reports")


@pytest.mark.parametrize(("text", "who", "via"), (
    ("“It was a success,” said Nurgazy Zharylgapov, a distinguished boxing coach of Kazakhstan, in an interview with"
     " Time.kz news agency.", "Time.kz news agency", "Nurgazy Zharylgapov, a distinguished boxing coach of Kazakhstan"),
    ("“It was a success,” said Nurgazy Zharylgapov in an interview with Kazinform.", "Kazinform", "Nurgazy Zharylgapov")))
def test_english_said_someone_in_an_interview_with_an_outlet(text, who, via):  # found11-167
    assert _found(text) == (who, via, "reports")


def test_english_a_wire_credit_closing_the_last_paragraph():  # found11-109
    assert _found("The tenge weakened about 37 percent. (Reporting by Raushan Nurshayeva; Writing by Dmitry Solovyov;"
                  " Editing by Richard Borsuk)") == ("Raushan Nurshayeva", None, "source-line")


@pytest.mark.parametrize(("text", "who"), (
    ("Он также проинформировал, что по оперативным данным акиматов, зерновые убраны.", "акиматы"),  # found11-008
    ("По предварительным официальным данным министерства, урожай собран.", "министерство"),
    ("Накануне Нацбанк Казахстана сообщил, что принял решение.", "Нацбанк Казахстана"),  # found11-127
    ("В пятницу Минздрав сообщил, что вакцина поступила.", "Минздрав"),
    ("Как сообщил по итогам заседания председательствующий по этому делу Исламхан Есенбаев, приговор огласят 11 декабря.",
     "председательствующий по этому делу Исламхан Есенбаев")))  # found11-067
def test_russian_what_stands_between_the_verb_and_its_source(text, who):
    assert _found(text) == (who, None, "reports")


def test_kazakh_said_from_an_office_in_the_ablative():  # found11-036
    assert _found("Аудандар науқанды мәресіне жеткізеді», - деді ведомстводан.") == ("ведомство", None, "reports")


@pytest.mark.parametrize(("text", "who"), (
    ("as long as Brent trades near $50, Kazakh central bank chairman Kairat Kelimbetov told reporters on Wednesday.",
     "Kazakh central bank chairman Kairat Kelimbetov"),  # found11-103
    ("Russia's Sberbank CIB said that oil may fall.", "Sberbank CIB"),  # found11-112
    ("Russia's Gazprom said it would cut supplies.", "Gazprom"),
    ("As previously reported the IA “Kazakh-Zerno”, the ministry expects a harvest.", "IA “Kazakh-Zerno”")))  # found11-018
def test_english_titles_firms_and_reports_of_every_shape(text, who):
    assert _found(text) == (who, None, "reports")


def test_english_with_reporting_by_a_wire_is_its_source_line():  # found11-063
    assert _found("Eight men were sentenced.\n\nWith reporting by Interfax") == ("Interfax", None, "source-line")


@pytest.mark.parametrize(("text", "who"), (
    ("О том, что в Алматы есть очаги, упомянул 18 марта заместитель акима города Ержан Бабакумаров.",
     "заместитель акима города Ержан Бабакумаров"),  # found12-043: a verb of mentioning, a date after it
    ("Об этом сообщил 5 мая аким области.", "аким области"),
    ("По мнению казахстанского блогера Куандыка Магзамова, трудности вызывают доллары.",
     "казахстанский блогер Куандык Магзамов"),  # found12-163
    ("Однако в департаменте по ЧС Карагандинской области сообщают, что прилагают все усилия.",
     "департамент по ЧС Карагандинской области")))  # found12-070
def test_russian_more_verbs_and_openers(text, who):
    assert _found(text) == (who, None, "reports")


@pytest.mark.parametrize(("text", "who"), (
    ("when it expects a fresh peak, healthcare minister Alexei Tsoy told a government meeting on Tuesday.",
     "healthcare minister Alexei Tsoy"),  # found12-061: a meeting told is an audience, no outlet
    ("Chairman of the National Bank Yerbolat Dossayev informed the Cabinet of the situation.",
     "Chairman of the National Bank Yerbolat Dossayev"),
    ("According to a contemporary Tengrinews report, the depot was operated by the army.", "Tengrinews"),  # found12-029
    ("“Now he has a gold one,” said Baktybai Smetov, Yeldos Smetov’s father.",
     "Baktybai Smetov, Yeldos Smetov’s father")))  # found12-135
def test_english_audiences_reports_and_kin(text, who):
    assert _found(text) == (who, None, "reports")


@pytest.mark.parametrize(("text", "who"), (
    ("Bul týraly SQO ákimi apparatynyń bóliminiń basshysy Serik Ǵaısın aıtyp berdi.",
     "SQO ákimi apparatynyń bóliminiń basshysy Serik Ǵaısın"),  # found12-170: айтып берді
    ("Жаңа әкімді облыс басшысы таныстырды. Азат Оральаев, Ордабасы ауданының әкімі: «Алдағы уақытта жол салынады»",
     "Азат Оральаев, Ордабасы ауданының әкімі")))  # found12-181: a speaker's label after a sentence
def test_kazakh_told_and_labelled_speakers(text, who):
    assert _found(text) == (who, None, "reports")


def test_a_photos_credit_on_the_line_under_its_label_is_no_source():  # found12-084
    assert find_attributions("В области локализован пожар\nФото:\npixabay.com\n\nПожар начался с травы") == []


@pytest.mark.parametrize(("text", "who"), (
    ("Бұл туралы облыс әкімі журналистерге баяндады.", "облыс әкімі"),
    ("Бұл туралы министр әлеуметтік желідегі парақшасында бөлісті.", "министр"),
    ("Бұл туралы Мәжіліс депутаты түсіндірді.", "Мәжіліс депутаты"),
    ("«Жағдай тұрақты», - деп есептейді сарапшы.", "сарапшы"),
    ("«Жағдай тұрақты», - деп мойындады министр.", "министр"),
    ("Бұл туралы білім басқармасының маманы айтты.", "білім басқармасының маманы"),  # a possessive in -ны stays
    ("Бұл туралы ауыл тұрғыны баяндады.", "ауыл тұрғыны")))
def test_kazakh_more_verbs_of_saying_and_no_object_in_the_subject(text, who):
    assert _found(text) == (who, None, "reports")


@pytest.mark.parametrize(("text", "who"), (
    ("Kazakh Emergency Ministry says preliminary reports indicate there are survivors", "Kazakh Emergency Ministry"),
    ("BERLIN -- The European Space Agency says its comet lander is working", "European Space Agency"),
    ("The Astana Times says local elections will follow", "Astana Times")))
def test_english_says_before_a_clause_opening_with_any_word(text, who):  # found8-056: the clause without "that"
    assert _found(text) == (who, None, "reports")


def test_english_said_to_be_is_a_passive_no_report():
    assert find_attributions("The man said to be the leader of the group was arrested.") == []


@pytest.mark.parametrize("line", ("© bilim-all.kz", "(c) bilim-all.kz"))
def test_a_copyright_sign_before_a_web_address_is_a_photo_credit(line):  # found11-075
    assert photo_credit(line) == "bilim-all.kz" and find_attribution(line) is None


def test_a_copyright_footer_is_no_photo_credit():
    assert photo_credit("© 2024 kazinform.kz") is None


@pytest.mark.parametrize(("text", "who"), (
    ("ЦИК РК рассказал, как пройдет референдум по АЭС", "ЦИК РК"),  # found8-066: an indirect question
    ("Минздрав сообщил, когда начнется вакцинация.", "Минздрав")))
def test_russian_a_verb_before_an_indirect_question(text, who):
    assert _found(text) == (who, None, "reports")


@pytest.mark.parametrize(("text", "who"), (
    ("Референдум состоялся\n12:58 06.10.2024 Источник: Информационное агентство России \"ТАСС\"",
     "Информационное агентство России \"ТАСС\""),  # found8-024: the label after the page's date and time
    ("Across China\n\nSource: Xinhua| 2019-04-11 18:50:11|Editor: Xiang Bo", "Xinhua")))  # found6-065
def test_a_source_label_among_a_pages_fields(text, who):
    assert _found(text) == (who, None, "source-line")


def test_a_russian_source_without_when_it_said_it():  # found8-018
    assert _found("Причиной мог стать отказ двигателей, рассказал РИА Новости эксперт в авиационной отрасли после"
                  " просмотра видео.") == ("РИА Новости", "эксперт в авиационной отрасли", "reports")


@pytest.mark.parametrize("text", ("Onyń aıtýynsha, sý qoımasy 152 paıyzǵa tolǵan.", "Оның айтуынша, су қоймасы толды."))
def test_kazakh_a_genitive_pronoun_names_no_source(text):
    assert find_attributions(text) == []


# --- found12's test half and the rule halves of found13 and found14, read in session 15 (moved.txt): the families ---

@pytest.mark.parametrize(("text", "want"), (
    # an organisation named after what it is, the words for it dropped (a person's title stays: see _EN_TITLE)
    ("An explosion killed three miners today, mine owner Kazakhmys said.", "Kazakhmys"),  # found13-056
    ("Kazakhstan's largest copper producer Kazakhmys said Wednesday it was halting work.", "Kazakhmys"),  # found13-059
    ("Meanwhile, the digital business platform Forkagro reports that the border is closed.", "Forkagro"),  # found13-023
    ("The Belarusian news agency Belta later reported that talks were held.", "Belta"),  # found14-057: an adverb
    ("The ministry officially announced that the border is closed.", "ministry"),
    ("Kazakh central bank chairman Kairat Kelimbetov said the rate would hold.",
     "Kazakh central bank chairman Kairat Kelimbetov"),
    # whoever owns or runs it, before its name
    ("In a statement on Friday, state-controlled Kazatomprom said it held talks.", "state-controlled Kazatomprom"),
    ("The state-owned KazMunayGas said on Monday output fell.", "state-owned KazMunayGas"),
    # a spokesperson named by the body alone
    ("Earlier on Wednesday, a Kremlin spokesperson said it would not tolerate interference.", "Kremlin"),  # found14-059
    ("An Akorda spokesman said the visit was postponed.", "Akorda"),
))
def test_english_an_organisation_by_its_name_and_a_spokesperson_by_its_body(text, want):
    assert _found(text) == (want, None, "reports")


@pytest.mark.parametrize(("text", "want"), (
    ("It is reported by Interfax with reference to eyewitnesses.", ("Interfax", "eyewitnesses")),  # found14-183
    ("It was reported by Kazinform citing the ministry.", ("Kazinform", "ministry")),
    ("As noted by B. Krykpyshev, the project will allow metallurgists to grow.", ("B. Krykpyshev", None)),  # found13-062
    ("As stated by the ministry, the roads are closed.", ("ministry", None)),
    ("Based on the information received from Kazakhstan Temir Zholy National Company, the train is long.",
     ("Kazakhstan Temir Zholy National Company", None)),  # found13-018
    ("Based on data provided by the Statistics Bureau, prices rose.", ("Statistics Bureau", None)),
    ("Kazakhstan’s Ministry for Emergency Situations posted on social media on Sunday morning.",
     ("Kazakhstan’s Ministry for Emergency Situations", None)),  # found12-094
    ("The akimat posted on its website that schools are closed.", ("akimat", None)),
    ("“I will win,” said Oralbay, reported the National Olympic Committee on Aug. 8.",
     ("National Olympic Committee", "Oralbay")),  # found12-130: said X, reported Y
    ("The Minister of Energy, Bolat Akchulakov, informed, the national portal \"Adyrna\" reported.",
     ("\"Adyrna\"", "Minister of Energy, Bolat Akchulakov")),  # found14-045: X, a name's appositive, informed
    ("seeing a rate of 250 as optimal, the bank’s chairman, Kairat Kelimbetov, said on Friday.",
     ("bank’s chairman, Kairat Kelimbetov", None)),  # found14-028: a title owned by a common noun
    ("As the head of the Ministry of Agriculture, Aidarbek Saparov, said at a meeting, 98% is harvested",
     ("head of the Ministry of Agriculture, Aidarbek Saparov", None)),  # found13-001
    ("According to the agency’s interlocutors, a crowd is observed.", ("agency’s interlocutors", None)),  # found14-185
    ("According to the author, most people learnt of it in 2022.", ("author", None)),  # found14-065
    ("but according to health officials at least 70 people were injured", ("health officials", None)),  # found12-031
    ("Kazakhstan to export wheat to IranAccording to official sources, exports will grow.",
     ("official sources", None)),  # found14-070: glued to the headline
))
def test_english_passives_as_phrases_postings_chains_and_common_nouns(text, want):
    assert _found(text) == (*want, "reports")


@pytest.mark.parametrize("text", (
    "When Afghan President Ashraf Ghani first announced the plan, nobody believed.",  # a clause's opening word
    "According to the rules, the majority voted.", "According to the plan, the roads are closed.",
    "Aibek Smadiyarov, the ministry's spokesman, said the road is closed.",  # the ministry speaks (another form)
))
def test_english_what_these_families_do_not_read_as_a_person(text):
    found = _found(text)
    assert found is None or found[0] == "ministry"


@pytest.mark.parametrize(("text", "want"), (
    # the closing credit's next role without its semicolon
    ("the spread of the virus. (Reporting by Tamara Vaal Writing by Olzhas Auyezov; Editing by Kim Coghill)",
     "Tamara Vaal"),  # found12-063
    ("Reporting by Olzhas Auyezov Editing by Mark Potter", "Olzhas Auyezov"),
    # a wire's name, or a press office, after the last sentence of a paragraph
    ("all of which were reported in Nur-Sultan and Almaty. Xinhua", "Xinhua"),  # found12-055
    ("The talks will go on. Reuters.", "Reuters"),
    ("рекомендуется не выходить из дома\". Пресс-служба ДЧС Жетысуской области\nПожар потушен.",
     "Пресс-служба ДЧС Жетысуской области"),  # found12-080
    # a tote label after the page's date and time
    ("2025.04.08 14:00 كەلۋ قاينارى : حالىق تورابى\n2025 - جىلعى مەرەكە", "حالىق تورابى"),  # found12-125
))
def test_source_lines_after_a_sentence_and_without_their_separators(text, want):
    assert _found(text) == (want, None, "source-line")


def test_a_last_word_after_the_last_sentence_is_no_source_unless_a_wire():
    assert find_attributions("The meeting ended. Tokayev") == []


@pytest.mark.parametrize(("text", "want"), (
    ("Еще в середине марта местные интернет-ресурсы сообщали о том, что область разделят.",
     "местные интернет-ресурсы"),  # found14-167: a time opening the sentence
    ("В прошлом году министерство сообщило, что тарифы вырастут.", "министерство"),
    ("В марте аналитики сообщили, что курс вырос.", "аналитики"),
    ("Летом акимат сообщил, что дороги закрыты.", "акимат"),
))
def test_russian_a_time_before_the_subject(text, want):
    assert _found(text) == (want, None, "reports")


@pytest.mark.parametrize("alphabet", KK_ALPHABETS)
@pytest.mark.parametrize(("phrase", "want"), (
    ("Ұлттық банктің атап өтуінше", "Ұлттық банк"),  # found14-121
    ("Сарапшының пайымдауынша", "Сарапшы"), ("Министрдің ойынша", "Министр"),
    ("Мамандардың түсіндіруінше", "Мамандар"),
))
def test_kazakh_according_to_what_someone_noted_judged_or_thinks(alphabet, phrase, want):
    found = _found(kazakh.spell(f"{phrase}, баға өседі.", alphabet))
    assert found and found[1:] == (None, "reports")  # tote keeps the hamza the genitive's front vowel gave the word
    assert found[0].lstrip("ء") == kazakh.spell(want, alphabet).lstrip("ء")


@pytest.mark.parametrize(("text", "want"), (
    ("ءتىلشىمىز ءبيسارا قۋانبەك قىزى حابارلايدى:", ("ءبيسارا قۋانبەك قىزى", "correspondent")),  # found12-117
    ("Тілшіміз Бисара Қуанбекқызы хабарлайды.", ("Бисара Қуанбекқызы", "correspondent")),
    ("Ақорданың мәліметінше, облыс әкімі президентке даму нәтижесі туралы мәлімет берді.",
     ("Ақорда", "reports")),  # found13-052: the sentence's source, not what its subject told
    ("алынған», - dedi agenttik tóraǵasynyń orynbasary Shyńǵys Qabdolla agenttikte ótken brıfıngte.",
     ("agenttik tóraǵasynyń orynbasary Shyńǵys Qabdolla", "reports")),  # found13-043: where the briefing was held
    ("«Бәрі жақсы», – деді министр Үкіметте өткен брифингте.", ("министр", "reports")),
    ("сынып сағатымен қорытындыланады деп хабарлайды kazinform ақпарат агенттігі.",
     ("Kazinform", "reports")),  # found13-036: a registered outlet in small letters, what it is after it
    ("«Дереккөздердің айтуынша сейсенбі күні ол қызметінен босатылды.", ("Дереккөздер", "reports")),  # found14-164
))
def test_kazakh_correspondents_occasions_outlets_and_quotes(text, want):
    assert _found(text) == (want[0], None, want[1])


# --- found14's test half, read in session 15 (moved.txt): the families ---

@pytest.mark.parametrize(("text", "want"), (
    # a title beside a name between commas, read from a form that takes one side
    ("from the new rate, Kairat Kelimbetov, Governor of the National Bank of Kazakhstan said at the briefing.",
     ("Kairat Kelimbetov, Governor of the National Bank of Kazakhstan", None)),  # found14-107
    ("In turn, Akim of Karaganda region, N.Abdibekov reported to the Prime Minister on the plan.",
     ("Akim of Karaganda region, N.Abdibekov", None)),  # found13-063
    ("According to Leyla Mahat, curator of the Kulanshi Art Gallery, their mission is clear",
     ("Leyla Mahat, curator of the Kulanshi Art Gallery", None)),  # found14-178
    ("Italy bought durum wheat from Kazakhstan, reported APK-Inform analyst, Natalia Gavruk.",
     ("APK-Inform analyst, Natalia Gavruk", None)),  # found14-072
    # a body's name with at, of and for in it; people where they are
    ("and totaled 4.9 mln tonnes, declared the Customs Control Committee at the Ministry of Finance of the Republic of"
     " Kazakhstan.", ("Customs Control Committee at the Ministry of Finance of the Republic of Kazakhstan", None)),
    ("Officials in the ex-Soviet country said the slide was disrupting the budget.",
     ("Officials in the ex-Soviet country", None)),  # found14-032
))
def test_english_titles_beside_names_and_bodies_with_their_prepositions(text, want):
    assert _found(text) == (*want, "reports")


@pytest.mark.parametrize("text", (
    "Chevron, the largest foreign oil producer in Kazakhstan, said output grew.",  # what a firm is: no title
    "The roads are closed, the committee's spokesman Saken Dildakhmet shared in a post, Kazinform reports.",
    "In May, NASA’s Administrator Jim Bridenstine said the launch will go ahead.",
))
def test_english_what_is_no_title_beside_a_name(text):
    found = _found(text)
    assert found is None or not found[0].startswith(("Chevron,", "committee", "In May"))


@pytest.mark.parametrize(("text", "want"), (
    ("В официальном заявлении Нацгвардии сообщается, что личный состав привлечен.", ("Нацгвардия", None)),  # 14-017
    ("В сообщении МВД говорится, что задержаны двое.", ("МВД", None)),
    ("Российский президент прокомментировал. 19 марта Sobesednik.ru писал, что президент ушел.",
     ("Sobesednik.ru", None)),  # found14-150: a date opening the sentence
    ("Глава государства в интервью телеканалу \"Россия 24\" заявил, что не видит смысла.",
     ("\"Россия 24\"", "Глава государства")),  # found14-154: the outlet interviewed reports
    ("Аким в интервью Tengrinews.kz рассказал, что дороги закроют.", ("Tengrinews.kz", "Аким")),
    ("Министр в интервью журналистам заявил, что все хорошо.", ("Министр", None)),  # journalists: to whom
))
def test_russian_a_statement_first_a_date_first_and_an_interview(text, want):
    found = find_attributions(text)
    assert (found[-1].reporter, found[-1].via) == want


@pytest.mark.parametrize(("text", "want"), (
    ("Bul týraly Almaty qalasynyń ákimi Erbolat Dosaev «Almaty qalasynyń damýy týraly» brıfıńte málimdedi.",
     "Almaty qalasynyń ákimi Erbolat Dosaev"),  # found14-005: the briefing by its quoted title
    ("Бұл туралы қала әкімі Ерболат Досаев «Қала дамуы туралы» брифингте мәлімдеді.", "қала әкімі Ерболат Досаев"),
    ("Abaı men Seıfýllın dańǵyldarynyń qıylysynda ornalasqan meteostansııanyń habarlaýynsha, jaýyn 16 mm",
     "Abaı men Seıfýllın dańǵyldarynyń qıylysynda ornalasqan meteostansııa"),  # found14-082: which station
    ("Úsh mekenjaı boıynsha Almaty qalasy Qutqarý qyzmetiniń jedel kezekshisiniń aqparaty boıynsha, 4 kólik",
     "Almaty qalasy Qutqarý qyzmetiniń jedel kezekshisi"),  # found14-083: an adverbial with бойынша before it
    ("Орталық коммуникациялар қызметінде сөз алған Энергетика министрінің айтуынша, баға өседі.", "Энергетика министрі"),
))
def test_kazakh_occasions_by_title_which_one_it_is_and_adverbials_before(text, want):
    assert _found(text) == (want, None, "reports")


@pytest.mark.parametrize(("text", "want"), (
    ('They worked, "Akchulakov said.\n\nNational portal "Adyrna"\n\nРедакция таңдауы', 'National portal "Adyrna"'),
    ("July 11, 2019, 14:35       Источник akipress.kg       Комментарии", "akipress.kg"),  # found14-096
    ("July 11, 2019, 14:35 Источник akipress.kg Комментарии", "akipress.kg"),
))
def test_source_lines_an_outlets_kind_and_a_label_without_its_colon(text, want):
    assert _found(text) == (want, None, "source-line")


@pytest.mark.parametrize(("line", "credit"), (
    ("Vladimir Tretyakov/AP", "Vladimir Tretyakov/AP"),  # found14-050
    ("Abduaziz Madyarov/AFP via Getty Images", "Abduaziz Madyarov/AFP via Getty Images"),  # found14-052
    ("Defense Ministry of Kyrgyzstan/Handout via REUTERS", "Defense Ministry of Kyrgyzstan/Handout via REUTERS"),
    ("©2003 Chris Kridler", "Chris Kridler"),  # found14-139
    ("Сурет интернеттен алынды", "интернет"),  # found14-127: was taken from
    ("Сурет Ақорданың сайтынан алынды", "Ақорданың сайты"),
))
def test_photo_credits_a_photographer_and_the_agency_a_year_and_where_it_was_taken_from(line, credit):
    assert photo_credit(line) == credit


@pytest.mark.parametrize("line", ("Russia/Ukraine", "Astana/Almaty", "© 2024 kazinform.kz"))
def test_no_photo_credit_in_pairs_of_places_or_a_sites_footer(line):
    assert photo_credit(line) is None


# --- found15's rule half, read in session 15: the families ---

@pytest.mark.parametrize(("text", "want"), (
    ("Аудан басшысы кездесті, деп хабарлайды Жетісай ауданы әкімдігінің баспасөз қызметіне сілтеме жасаған didarbek.kz"
     " ақпараттық агенттігі.", ("didarbek.kz", "Жетісай ауданы әкімдігінің баспасөз қызметі", "reports")),  # 15-012
    ("Казинформ пишет, что причиной ЧП стал взрыв метана.", ("Казинформ", None, "reports")),  # 15-103: a registered outlet
    ("Tengrinews.kz сообщает, что причиной ЧП стал взрыв.", ("Tengrinews.kz", None, "reports")),
    ("The minister reported on the harvest, Kazinform has learnt.", ("Kazinform", None, "reports")),  # found15-068
    ("Statement of the Ministry\n\nKazakh Foreign Ministry, Mar 3, 2014\n\nKazakhstan is concerned.",
     ("Kazakh Foreign Ministry", None, "source-line")),  # found15-043: a body's dated signature
))
def test_a_link_before_the_outlet_an_outlet_by_its_name_and_a_dated_signature(text, want):
    assert want in [(a.reporter, a.via, a.kind) for a in find_attributions(text)]


def test_a_persons_dated_byline_is_no_source():
    assert find_attributions("Talks\n\nJohn Smith, Mar 3, 2014\n\nKazakhstan is concerned.") == []


@pytest.mark.parametrize(("text", "want"), (
    ("ASTANA. KAZINFORM - First Vice Minister of Agriculture Kairat Aituganov reported on the harvest, Kazinform has"
     " learnt.", "First Vice Minister of Agriculture Kairat Aituganov"),  # found15-066: the dateline is no part of it
    ("ALMATY, Nov 5 Sabit Khakimzhanov, head of research at Halyk Finance, said the currency could fall.",
     "Sabit Khakimzhanov, head of research at Halyk Finance"),  # found14-025
))
def test_the_dateline_opening_a_text_is_no_part_of_its_first_subject(text, want):
    assert want in [a.reporter for a in find_attributions(text)]


def test_the_datelines_agency_still_names_the_publisher():
    found = find_attributions("Алматы. 16 апреля. КазТАГ - Как сообщил корреспондент агентства, дороги закрыты.")
    assert [a.reporter for a in found] == ["КазТАГ"]


def test_a_title_in_the_dative_is_whom_it_was_told():
    assert find_attributions("Президенту Казахстана Касым-Жомару Токаеву рассказали о ходе работ.") == []


@pytest.mark.parametrize(("text", "want"), (
    ("Минздрав сообщил, ссылаясь на данные ВОЗ, что вирус опасен.", ("Минздрав", "ВОЗ")),
    ("Агентство сообщает со ссылкой на источник в правительстве.", ("Агентство", "источник в правительстве")),
    ("Qazaq24.com информирует, ссылаясь на сайт Ztb.KZ.", ("Qazaq24.com", "сайт Ztb.KZ")),  # found15-051 (its label
))  # wants Ztb.KZ; a via keeps what it is, as ../shared's ground truth does: телеканал Jibek Joly)
def test_russian_the_source_cited_after_the_verb(text, want):
    found = find_attributions(text)
    assert [(a.reporter, a.via) for a in found] == [want]
