"""The Kattis default output validator semantics, flag by flag, and the JSON checker."""

from __future__ import annotations

import pytest

from problems.judging import Checker, CheckerError

DEFAULT = Checker()


def accepts(checker: Checker, output: bytes, answer: bytes) -> bool:
    return checker.compare(output, answer).accepted


def test_whitespace_insensitive_by_default():
    assert accepts(DEFAULT, b"1  2\n3", b"1 2 3\n")
    assert accepts(DEFAULT, b"1 2 3   \n\n\n", b"1 2 3\n")
    assert accepts(DEFAULT, b"1 2\r\n3\r\n", b"1 2\n3\n")  # CRLF
    assert accepts(DEFAULT, b"\t 1\x0b2\x0c3", b"1 2 3")
    assert not accepts(DEFAULT, b"1 2", b"1 2 3")
    assert not accepts(DEFAULT, b"1 2 3 4", b"1 2 3")
    assert not accepts(DEFAULT, b"12 3", b"1 23")
    assert accepts(DEFAULT, b"", b"\n")


def test_case_insensitive_unless_case_sensitive():
    assert accepts(DEFAULT, b"YES", b"yes")
    strict = Checker.from_flags("case_sensitive")
    assert not accepts(strict, b"YES", b"yes")
    assert accepts(strict, b"yes", b"yes")


def test_space_change_sensitive():
    strict = Checker.from_flags("space_change_sensitive")
    assert accepts(strict, b"1 2\n", b"1 2\n")
    assert not accepts(strict, b"1  2\n", b"1 2\n")
    assert not accepts(strict, b"1 2\r\n", b"1 2\n")     # CRLF is a whitespace change
    assert not accepts(strict, b"1 2 \n", b"1 2\n")      # trailing whitespace
    assert not accepts(strict, b"1 2", b"1 2\n")         # missing final newline
    assert not accepts(strict, b" 1 2\n", b"1 2\n")      # leading whitespace
    assert not accepts(strict, b"1 3\n", b"1 2\n")


def test_without_tolerance_numbers_are_text():
    assert not accepts(DEFAULT, b"1.0", b"1")
    assert not accepts(DEFAULT, b"-0", b"0")
    assert not accepts(DEFAULT, b"0.30000000000000004", b"0.3")


def test_float_absolute_and_relative_tolerance():
    abs_only = Checker.from_flags("float_absolute_tolerance 1e-6")
    assert accepts(abs_only, b"0.3000005", b"0.3")
    assert not accepts(abs_only, b"0.300002", b"0.3")
    assert not accepts(abs_only, b"1000000.5", b"1000000")  # relative would accept, absolute does not
    rel_only = Checker.from_flags("float_relative_tolerance 1e-6")
    assert accepts(rel_only, b"1000000.5", b"1000000")
    assert not accepts(rel_only, b"0.0000015", b"0.000001")
    both = Checker.from_flags(["float_tolerance", "1e-6"])
    assert both.float_absolute_tolerance == both.float_relative_tolerance == 1e-6
    assert accepts(both, b"1e6", b"1000000.0000001")
    assert accepts(both, b"1.5E+00", b"1.5")
    assert not accepts(both, b"abc", b"1.5")
    assert not accepts(both, b"0x10", b"16")
    assert not accepts(both, b"1_000", b"1000")  # Python-only literal forms are not numbers


def test_float_tolerance_keeps_text_tokens_exact():
    tol = Checker.from_flags("float_tolerance 1e-4")
    assert accepts(tol, b"Case 1: 0.50001", b"case 1: 0.5")
    assert not accepts(tol, b"Case 2: 0.5", b"Case 1: 0.5")


def test_negative_zero():
    tol = Checker.from_flags("float_tolerance 1e-9")
    assert accepts(tol, b"-0", b"0")
    assert accepts(tol, b"-0.000", b"0")


def test_nan_and_inf():
    tol = Checker.from_flags("float_tolerance 1e-6")
    assert accepts(tol, b"nan", b"NaN")
    assert not accepts(tol, b"1", b"nan")
    assert not accepts(tol, b"nan", b"1")
    assert accepts(tol, b"inf", b"Infinity")
    assert accepts(tol, b"-inf", b"-inf")
    assert not accepts(tol, b"inf", b"-inf")
    assert not accepts(tol, b"1e308", b"inf")
    assert accepts(DEFAULT, b"NAN", b"nan")  # as text, case-insensitively
    assert not accepts(DEFAULT, b"nan", b"inf")


def test_64bit_integers_are_not_confused_by_float_precision():
    a, b = b"9007199254740993", b"9007199254740992"
    assert float(a) == float(b)  # what a double comparison would see
    assert not accepts(DEFAULT, a, b)
    assert not accepts(Checker.from_flags("float_absolute_tolerance 1e-6"), a, b)
    big, bigger = b"18446744073709551615", b"18446744073709551614"
    assert not accepts(Checker.from_flags("float_absolute_tolerance 0.5"), big, bigger)
    assert accepts(DEFAULT, b"-9223372036854775808", b"-9223372036854775808")


def test_very_long_tokens():
    token = b"7" * 1_000_000
    assert accepts(DEFAULT, token, token)
    assert not accepts(DEFAULT, token + b"8", token)
    assert not accepts(DEFAULT, token, token[:-1] + b"8")
    tol = Checker.from_flags("float_absolute_tolerance 1e-6")
    assert accepts(tol, token, token)
    assert not accepts(tol, token[:-1] + b"8", token)


def test_messages_name_the_token():
    res = DEFAULT.compare(b"1 2 4", b"1 2 3")
    assert not res.accepted and "token 3" in res.message and "'3'" in res.message


def test_bad_flags_are_clear_errors():
    with pytest.raises(CheckerError, match="unknown validator flag 'float_tol'"):
        Checker.from_flags("float_tol 1e-6")
    with pytest.raises(CheckerError, match="needs a number"):
        Checker.from_flags("float_tolerance")
    with pytest.raises(CheckerError, match="is not a number"):
        Checker.from_flags("float_tolerance abc")


def test_json_checker():
    js = Checker(kind="json")
    assert accepts(js, b"[1, 2, [3]]\n", b"[1,2,[3]]")
    assert not accepts(js, b"[1, 2]", b"[1, 2, 3]")
    assert not accepts(js, b"true", b"1")
    assert not accepts(js, b"1", b"1.5")
    assert accepts(js, b"0.30000000000000004", b"0.3")
    assert accepts(js, b"2", b"2.0")
    assert not accepts(js, b'"2"', b"2")
    assert not accepts(js, b"not json", b"2")
    assert accepts(js, b'{"a": [1, 2.0]}', b'{"a": [1, 2]}')
