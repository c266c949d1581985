"""kazakh.py: Cyrillic Kazakh in the Latin alphabets and tote, case forms, the fold key."""

import pytest

from kznews.extract.kazakh import case_forms, day_suffixes, fold, latin, spell, spellings, tote


@pytest.mark.parametrize("cyrillic,alphabet,expected", [
    # 2017 apostrophe alphabet (ң n', ә a', у y', ш s', ү u')
    ("қаңтар", "latin2017", "qan'tar"),
    ("сәуір", "latin2017", "sa'y'ir"),
    ("шілде", "latin2017", "s'ilde"),
    # 2018 acute alphabet (ң ń, ә á, у ý, ү ú, и/й ı)
    ("қаңтар", "latin2018", "qańtar"),
    ("сәуір", "latin2018", "sáýir"),
    ("наурыз", "latin2018", "naýryz"),
    ("қыркүйек", "latin2018", "qyrkúıek"),
    ("Қостанай", "latin2018", "Qostanaı"),
    # 2021 alphabet (ң ñ, ә ä, і ı, ш ş, ү ü)
    ("қаңтар", "latin2021", "qañtar"),
    ("сәуір", "latin2021", "säuır"),
    ("наурыз", "latin2021", "nauryz"),
    ("Шымкент", "latin2021", "Şymkent"),
])
def test_official_latin_spellings(cyrillic, alphabet, expected):
    assert latin(cyrillic, alphabet) == expected


def test_capitals_stay_capitals():
    assert latin("ШЫМКЕНТ", "latin2018") == "SHYMKENT"
    assert latin("ҚазАқпарат", "latin2018") == "QazAqparat"


@pytest.mark.parametrize("cyrillic,expected", [
    ("сәуір", "ءساۋىر"),  # front word, no е/к/г to show it: hamza first
    ("шілде", "شىلدە"),  # е shows the word is front: no hamza
    ("бүгін", "بۇگىن"),  # so does г
    ("қыркүйек", "قىركۇيەك"),  # and к, е
    ("қаңтар", "قاڭتار"),  # back word
    ("жыл", "جىل"),
])
def test_tote_hamza_only_where_no_letter_shows_a_front_word(cyrillic, expected):
    assert tote(cyrillic) == expected


def test_tote_of_several_words_spells_each():
    assert tote("алдыңғы күні") == "الدىڭعى كۇنى"


@pytest.mark.parametrize("word,forms", [
    ("наурыз", {"наурызда", "наурыздың", "наурызы", "наурызға", "наурыздан", "наурыздағы"}),
    ("сәуір", {"сәуірде", "сәуірдің", "сәуірі", "сәуірге", "сәуірден", "сәуірдегі", "сәуірінде"}),
    ("қыркүйек", {"қыркүйекте", "қыркүйектің", "қыркүйегі", "қыркүйекке", "қыркүйегінде"}),  # к voiced to г
    ("шілде", {"шілдеде", "шілденің", "шілдесі", "шілдеге", "шілдеден"}),  # after a vowel
    ("маусым", {"маусымда", "маусымның", "маусымнан", "маусымы"}),  # after a nasal
    ("жыл", {"жылы", "жылғы", "жылдың"}),
])
def test_case_forms_follow_harmony_and_assimilation(word, forms):
    assert forms <= set(case_forms(word))


def test_case_forms_have_no_wrong_harmony():
    assert not {"сәуірда", "наурызде", "шілдеда", "қыркүйекті"} & set(case_forms("сәуір") + case_forms("наурыз")
                                                                     + case_forms("шілде") + case_forms("қыркүйек"))


def test_spellings_cover_every_alphabet_and_informal_ascii():
    assert {"сәуір", "sa'y'ir", "sa'uir", "sáýir", "säuır", "sauir", "ءساۋىر"} <= spellings("сәуір")
    assert {"jeltoqsan", "zheltoksan", "جەلتوقسان"} <= spellings("желтоқсан")


@pytest.mark.parametrize("a,b", [
    ("SÄUIR", "säuır"),  # the dotless ı has no capital of its own
    ("QAÑTAR", "qañtar"),
    ("qan'tar", "qan’tar"),  # straight or curly apostrophe
    ("ءساۋىر", "ساۋىر"),  # with or without tote's hamza
    ("ٴساۋىر", "ساۋىر"),  # the high hamza (U+0674) many tote pages use
])
def test_fold_makes_spellings_of_one_word_equal(a, b):
    assert fold(a) == fold(b)


def test_fold_keeps_different_words_apart():
    assert fold("қазан") != fold("қараша")
    assert fold("сәуір") != fold("шілде")


def test_spell_cyrillic_is_unchanged():
    assert spell("Сәуір", "cyrillic") == "Сәуір"


def test_day_suffixes_are_the_possessive_with_its_cases_and_the_ordinal():
    assert {"сы", "сында", "і", "інде", "ының", "сіне", "ншы", "ші"} <= set(day_suffixes())
    assert not {"сынде", "інда"} & set(day_suffixes())  # no suffix against vowel harmony
