"""The number options' converters: one rule each, the same in every command that takes them."""

from __future__ import annotations

import argparse

import pytest

from gptkit.cli._numbers import count, positive_float, positive_int, temperature
from gptkit.cli._parser import build_parser


@pytest.mark.parametrize(
    ("convert", "text", "message"),
    [
        (positive_float, "soon", "not a number: 'soon'"),
        (positive_float, "0", "must be positive: '0'"),
        (positive_float, "nan", "must be positive: 'nan'"),  # NaN is no timeout nor interval
        (positive_int, "2.5", "not a whole number: '2.5'"),
        (positive_int, "0", "must be 1 or more: '0'"),
        (count, "-1", "must be 0 or more: '-1'"),
        (temperature, "2.5", "must be between 0 and 2: '2.5'"),
        (temperature, "nan", "must be between 0 and 2: 'nan'"),
    ],
)
def test_a_bad_value_is_refused_with_what_it_must_be(convert: object, text: str, message: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as caught:
        convert(text)  # type: ignore[operator]
    assert str(caught.value) == message


def test_good_values_keep_their_type() -> None:
    assert (positive_float("0.5"), positive_int("3"), count("0"), temperature("2")) == (0.5, 3, 0, 2.0)
    assert type(positive_int("3")) is int and type(temperature("1")) is float


def test_the_global_and_the_batch_options_use_them(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    for argv in (["--timeout", "nan", "ask", "hi"], ["batch", "run", "in.jsonl", "-o", "o", "--rpm", "0"]):
        with pytest.raises(SystemExit) as exited:
            parser.parse_args(argv)
        assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "must be positive: 'nan'" in err and "must be positive: '0'" in err
