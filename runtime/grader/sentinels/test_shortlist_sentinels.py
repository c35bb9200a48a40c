"""Tests whose outcome the grader knows in advance. If they come out otherwise, something in
the test session (candidate code) altered how results are reported."""

import unittest


def test_sentinel_must_pass():
    assert sum([1, 2]) == 3


def test_sentinel_must_fail():
    assert sum([1, 2]) == 4, "sentinel: this test must fail"


class SentinelUnittest(unittest.TestCase):
    def test_sentinel_must_pass(self):
        self.assertEqual(sum([1, 2]), 3)

    def test_sentinel_must_fail(self):
        self.fail("sentinel: this test must fail")
