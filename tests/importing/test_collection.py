"""Bulk import work runs with the cyclic collector paused, and leaves it as it found it."""

import gc

import pytest

from cadres.importing.collection import without_cyclic_gc


@pytest.fixture(autouse=True)
def collector_restored():
    collecting = gc.isenabled()
    yield
    gc.enable() if collecting else gc.disable()


def test_paused_inside_and_running_again_after():
    gc.enable()
    with without_cyclic_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_running_again_after_an_error():
    gc.enable()
    with pytest.raises(KeyError), without_cyclic_gc():
        raise KeyError
    assert gc.isenabled()


def test_left_paused_when_it_was_paused():
    gc.disable()
    with without_cyclic_gc():
        pass
    assert not gc.isenabled()
