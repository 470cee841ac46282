"""Finds the phuluc program and runs it with --json. No UNO here: all arithmetic is phuluc's.

Where phuluc is looked for, first found wins:
  1. the `Binary` argument of the dispatch (automation and tests),
  2. the path recorded when the .oxt was built (built_paths.py, written by CMake),
  3. the PHULUC_BINARY environment variable,
  4. `phuluc` on PATH.
"""

import json
import os
import shutil
import signal
import subprocess

try:
    from phuluc_lo import built_paths
except ImportError:  # running from the source tree, not from a built .oxt
    built_paths = None


class PhulucFailure(Exception):
    """phuluc could not give an answer; `key` and `values` name the message (texts.py)."""

    def __init__(self, key, **values):
        super().__init__(key)
        self.key = key
        self.values = values


def locate_binary(requested=None):
    """The phuluc executable to run, or PhulucFailure("error.not-found") naming where we looked."""
    if requested:
        return _usable(requested, requested)
    recorded = getattr(built_paths, "PHULUC_BINARY", "") if built_paths else ""
    if recorded and os.access(recorded, os.X_OK):
        return recorded
    from_env = os.environ.get("PHULUC_BINARY", "")
    if from_env:
        return _usable(from_env, "PHULUC_BINARY=" + from_env)
    on_path = shutil.which("phuluc")
    if on_path:
        return on_path
    where = recorded or "PATH"
    raise PhulucFailure("error.not-found", where=where)


def _usable(path, where):
    if not os.path.isfile(path):
        raise PhulucFailure("error.not-found", where=where)
    if not os.access(path, os.X_OK):
        raise PhulucFailure("error.not-runnable", where=where, detail="not executable")
    return path


def run_json(binary, arguments, timeout, cwd=None):
    """Runs `binary arguments` and returns (exit_code, parsed JSON document).

    Exit codes 0 and 1 are answers (1: errors found in the data); 2 is a failure whose reason is
    taken from the JSON (files[].error.message) or stderr; a signal or any other code is a crash.
    """
    try:
        completed = subprocess.run(
            [binary] + list(arguments), cwd=cwd, capture_output=True, timeout=timeout,
            stdin=subprocess.DEVNULL, check=False)
    except FileNotFoundError:
        raise PhulucFailure("error.not-found", where=binary)
    except PermissionError as error:
        raise PhulucFailure("error.not-runnable", where=binary, detail=str(error))
    except OSError as error:  # exec format error and the like
        raise PhulucFailure("error.not-runnable", where=binary, detail=str(error))
    except subprocess.TimeoutExpired:
        raise PhulucFailure("error.timeout", seconds=timeout)
    code = completed.returncode
    stdout = completed.stdout.decode("utf-8", "replace")
    stderr = completed.stderr.decode("utf-8", "replace").strip()
    if code < 0 or code not in (0, 1, 2):
        raise PhulucFailure("error.crashed", detail=_describe_exit(code, stderr))
    document = _parse(stdout)
    if code == 2 or document is None:
        if code == 2:
            raise PhulucFailure("error.failed", detail=_failure_reason(document, stderr))
        raise PhulucFailure("error.bad-output", detail=stderr[-300:] or "no JSON on stdout")
    return code, document


def _parse(stdout):
    try:
        document = json.loads(stdout)
    except ValueError:
        return None
    return document if isinstance(document, dict) else None


def _describe_exit(code, stderr):
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = "signal %d" % -code
        described = name
    else:
        described = "exit code %d" % code
    if stderr:
        described += ": " + stderr.splitlines()[-1][:200]
    return described


def _failure_reason(document, stderr):
    """The people's message of a failed run: a file's error message, else stderr, else the code."""
    if document:
        for entry in document.get("files", []) + document.get("inputs", []):
            error = entry.get("error") if isinstance(entry, dict) else None
            if isinstance(error, dict) and error.get("message"):
                return error["message"]
            if isinstance(entry, dict) and entry.get("message"):
                return entry["message"]
    if stderr:
        return stderr[-500:]
    return "exit code 2"
