"""Skip markers for tests that need what one platform lacks (always with the reason)."""

from __future__ import annotations

import sys

import pytest

# The kill tests send SIGKILL mid-write; Windows has no signals (TerminateProcess ends a
# process the same abrupt way, but os.kill there is not that). CI runs them on Linux and
# macOS.
needs_sigkill = pytest.mark.skipif(
    sys.platform == "win32",
    reason="SIGKILL is POSIX only; the kill tests run on Linux and macOS")
