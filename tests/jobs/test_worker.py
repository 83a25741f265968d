"""The worker of the background jobs: started by serve_demo beside the server, stopped with it."""

import sys

from cadres.management.commands import serve_demo


class FakeProcess:
    def __init__(self, args):
        self.args, self.stopped = args, False

    def terminate(self):
        self.stopped = True

    def wait(self, timeout=None):
        return 0


def test_serve_demo_starts_the_worker_and_stops_it_with_the_server(monkeypatch):
    started, commands = [], []
    monkeypatch.setattr(serve_demo.subprocess, "Popen", lambda args: started.append(FakeProcess(args)) or started[-1])
    monkeypatch.setattr(serve_demo, "call_command", lambda name, *args, **kwargs: commands.append(name))

    serve_demo.Command().run_from_argv(["manage.py", "serve_demo"])

    assert commands == ["migrate", "load_demo", "runserver"]
    assert started[0].args[0] == sys.executable
    assert started[0].args[-1] == "db_worker"
    assert started[0].stopped


def test_serve_demo_can_run_without_the_worker(monkeypatch):
    started = []
    monkeypatch.setattr(serve_demo.subprocess, "Popen", lambda args: started.append(args))
    monkeypatch.setattr(serve_demo, "call_command", lambda name, *args, **kwargs: None)

    serve_demo.Command().run_from_argv(["manage.py", "serve_demo", "--no-worker"])

    assert started == []
