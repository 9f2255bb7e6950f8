"""Batch input files: validated up front, with line numbers, before anything is sent."""

from __future__ import annotations

import json
import pathlib

import pytest

from gptkit.batch import BatchInputError, iter_requests, validate_input

from .batch_helpers import chat_line, write_lines


def test_valid_file_reports_count_and_urls(tmp_path: pathlib.Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", [
        chat_line("a", "hi"),
        "",
        {"custom_id": "b", "method": "POST", "url": "/v1/embeddings", "body": {"model": "e", "input": "x"}},
        {"custom_id": "c", "method": "POST", "url": "/v1/completions", "body": {"model": "m", "prompt": "p"}},
    ])
    report = validate_input(str(path))
    assert report.total == 3
    assert report.urls == {"/v1/chat/completions", "/v1/embeddings", "/v1/completions"}
    assert list(report.lines.items()) == [("a", 1), ("b", 3), ("c", 4)]
    assert [r.custom_id for r in iter_requests(str(path))] == ["a", "b", "c"]


def test_every_problem_is_reported_with_its_line(tmp_path: pathlib.Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", [
        chat_line("ok", "hi"),                                                      # 1
        "{not json",                                                                # 2
        chat_line("ok", "again"),                                                   # 3 duplicate
        {**chat_line("u", "x"), "url": "/v1/images/generations"},                   # 4 unknown url
        chat_line("t", "x", temperature=5),                                         # 5 invalid param
        {**chat_line("m", "x"), "method": "GET"},                                   # 6
        {"method": "POST", "url": "/v1/chat/completions", "body": {}},              # 7 no custom_id
        chat_line("s", "x", stream=True),                                           # 8
        chat_line("o", "x", timeout=3),                                             # 9 client option
        {"custom_id": "e", "url": "/v1/embeddings", "body": {"model": "e"}},        # 10 missing input
        chat_line("nope", "x", not_a_param=1),                                      # 11
        "[1, 2]",                                                                   # 12
    ])
    with pytest.raises(BatchInputError) as info:
        validate_input(str(path))
    error = info.value
    assert error.total_problems == 11
    by_line = {p.line: p for p in error.problems}
    assert sorted(by_line) == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    assert "not valid JSON" in by_line[2].message
    assert "duplicate custom_id (first on line 1)" in by_line[3].message and by_line[3].custom_id == "ok"
    assert "/v1/images/generations" in by_line[4].message
    assert "temperature" in by_line[5].message
    assert "method" in by_line[6].message
    assert "custom_id" in by_line[7].message
    assert "stream" in by_line[8].message
    assert "timeout" in by_line[9].message
    assert "input" in by_line[10].message and "required" in by_line[10].message
    assert "not_a_param" in by_line[11].message
    assert "JSON object" in by_line[12].message
    assert "line 5 (custom_id 't')" in str(error)


def test_problem_list_is_capped_but_counted(tmp_path: pathlib.Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", ["{bad"] * 50)
    with pytest.raises(BatchInputError) as info:
        validate_input(str(path), max_problems=5)
    assert len(info.value.problems) == 5 and info.value.total_problems == 50
    assert "and 45 more" in str(info.value)


def test_empty_and_missing_files_are_errors(tmp_path: pathlib.Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    with pytest.raises(BatchInputError, match="no requests"):
        validate_input(str(empty))
    with pytest.raises(BatchInputError, match=r"missing\.jsonl: file not found$"):
        validate_input(str(tmp_path / "missing.jsonl"))


def test_iter_requests_is_lazy(tmp_path: pathlib.Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", [chat_line("a", "x"), "{broken"])
    requests = iter_requests(str(path))
    first = next(requests)  # the broken second line has not been read yet
    assert first.custom_id == "a" and first.line == 1 and json.dumps(first.body)
    with pytest.raises(ValueError, match="not valid JSON"):
        next(requests)
