"""Build site/ for `make site` so that no fault leaves a missing, partial or stale site behind.

With `--offline` (`make offline`) the same steps build site-offline/, the copy to open from disk, with
its own lock (`.site-offline.lock`) and temporary folders (`.site-offline.tmp.*`, `.site-offline.old.*`);
it sets BRIEFINGS_OFFLINE=true for MkDocs, which enables Material's offline plugin in mkdocs.yml (and
`make site` sets it to false, so site/ always keeps its directory URLs).

Why a script and not a Makefile recipe: every step must be checked and the last good site
restored when a step fails, and concurrent runs must be serialised. In a recipe, steps joined
with `;` hide failures, and `mv new site` moves the new build INTO an existing site/.

What it does, run from the project root (the Makefile runs it there):

1. Takes an exclusive lock on `.site.lock` (fcntl.flock). A second `make site` says on stderr
   that it is waiting for another build, and gives up with exit code 1 after SITE_LOCK_TIMEOUT
   seconds (default 1800). The kernel releases the lock when its holder exits, even on
   SIGKILL, so a lock can never be stale and the lock file is never deleted.
2. Removes leftovers of interrupted runs (`.site.tmp.*`, `.site.old.*`; it holds the lock, so
   they cannot belong to a live run). If site/ is missing while a `.site.old.*` exists, an
   earlier run stopped between its two renames: that folder is the last good site and is put back.
3. Refuses early, with a clear message, a `site` that is not a plain directory (a file, a
   symbolic link, dangling or not) or is a mount point, and leaves it as it is.
4. Runs `mkdocs build --strict --site-dir .site.tmp.<pid>`; on failure nothing else is touched.
5. Swaps with rename(2), which never moves a folder *into* an existing one: site -> .site.old.<pid>,
   then .site.tmp.<pid> -> site (a path that no longer exists), then deletes .site.old.<pid>.
   If the second rename fails, the first is undone. Each failure exits 1 and says what failed
   and where the last good site is.
"""
from __future__ import annotations

import argparse
import errno
import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SITE = Path("site")
MAKE = "make site"
LOCK = Path(".site.lock")
TMP_PREFIX = ".site.tmp."
OLD_PREFIX = ".site.old."
DEFAULT_LOCK_TIMEOUT = 1800.0
WAITING = "make site: waiting for another build of site/ to finish"
KEPT = "the last good site/ was kept"
#: Material's offline plugin, enabled in mkdocs.yml by `enabled: !ENV [BRIEFINGS_OFFLINE, false]`.
OFFLINE_VARIABLE = "BRIEFINGS_OFFLINE"


def use_folder(*, offline: bool) -> None:
    """Build site-offline/ (`make offline`: file URLs, search from file://) instead of site/, with its own
    lock and temporary folders, so the two copies never wait for or touch each other."""
    name = "site-offline" if offline else "site"
    use_names(name, "make offline" if offline else "make site")


def use_names(name: str, make: str) -> None:
    """Build the folder ``name`` for the command ``make``, with a lock and temporary folders of its own."""
    global SITE, MAKE, LOCK, TMP_PREFIX, OLD_PREFIX, WAITING, KEPT
    SITE, MAKE = Path(name), make
    LOCK, TMP_PREFIX, OLD_PREFIX = Path(f".{name}.lock"), f".{name}.tmp.", f".{name}.old."
    WAITING = f"{MAKE}: waiting for another build of {SITE}/ to finish"
    KEPT = f"the last good {SITE}/ was kept"


class SiteError(Exception):
    """A failure to report in one line (the message says what failed and what was kept)."""


def say(message: str) -> None:
    """Report on stderr at once, so a waiting or failing run is visible while MkDocs prints."""
    print(message, file=sys.stderr, flush=True)


def lock_timeout() -> float:
    """SITE_LOCK_TIMEOUT in seconds: how long to wait for another build before giving up."""
    raw = os.environ.get("SITE_LOCK_TIMEOUT", "")
    if not raw:
        return DEFAULT_LOCK_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value >= 0:  # also rejects nan
        raise SiteError(f"SITE_LOCK_TIMEOUT={raw!r} is not a number of seconds >= 0; {SITE}/ was not changed")
    return value


@contextmanager
def exclusive_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold an flock on ``path`` for the whole build and swap, so concurrent runs cannot interleave."""
    # "a+": never truncate another holder's pid; closing the file (leaving the block) releases the lock.
    with open(path, "a+", encoding="utf-8") as handle:
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = holder_of(path)
                if time.monotonic() >= deadline:
                    raise SiteError(
                        f"gave up after waiting {timeout:g} s for another build of {SITE}/ ({LOCK} is locked{holder}); "
                        f"{SITE}/ was not changed. A lock is released when its holder exits, so the holder is still "
                        "running: wait for it to finish, stop it, or raise SITE_LOCK_TIMEOUT") from None
                if not waited:
                    say(f"{WAITING} ({LOCK} is locked{holder}); waiting up to {timeout:g} s (SITE_LOCK_TIMEOUT)")
                    waited = True
                time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))
        if waited:
            say(f"{MAKE}: the other build has finished; building now")
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")  # for the waiting message of a later run only
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()  # still locked: no later waiting message names a finished run


def holder_of(path: Path) -> str:
    """' by pid N' when the lock file names its holder, for the waiting message."""
    try:
        pid = path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""
    if not pid.isdigit():
        return ""
    try:
        os.kill(int(pid), 0)  # signal 0: only asks whether that process still exists
    except ProcessLookupError:
        return ""
    except OSError:
        pass  # it exists, owned by another user
    return f" by pid {pid}"


def mount_points() -> set[str]:
    """Mount points from /proc/self/mountinfo, because os.path.ismount misses a bind mount
    from the same file system (same device, different parent inode)."""
    try:
        lines = Path("/proc/self/mountinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return set()
    points = set()
    for line in lines:
        fields = line.split(" ")
        if len(fields) > 4:  # field 5 is the mount point, with octal escapes for space, tab, \n, \\
            points.add(re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[4]))
    return points


def is_mount_point(path: Path) -> bool:
    """True when ``path`` is a mount point (which rename(2) cannot move: EBUSY)."""
    return os.path.ismount(path) or os.path.realpath(path) in mount_points()


def describe(path: Path) -> str | None:
    """Why ``path`` cannot be swapped, or None when it is absent or a plain directory."""
    if path.is_symlink():
        target = os.readlink(path)
        state = "" if path.exists() else ", which does not exist"
        return (f"{path} is a symbolic link (to {target}{state}), not a folder; it was left as it is. "
                f"Remove it ({path}) and run {MAKE} again")
    if not path.exists():
        return None
    if not path.is_dir():
        return f"{path} exists but is not a folder; it was left as it is. Move it away and run {MAKE} again"
    # A mount point cannot be renamed, so it cannot be swapped atomically. Syncing the new build
    # into it file by file would work, but a fault in the middle would leave exactly the
    # half-old, half-new site this script exists to prevent, so we refuse instead.
    if is_mount_point(path):
        return (f"{path}/ is a mount point, which cannot be replaced in one step; {KEPT}. "
                f"Mount the folder above it instead, or build elsewhere with "
                f"`mkdocs build --strict --site-dir <folder>` and copy it in")
    return None


def remove(path: Path) -> str | None:
    """Delete a leftover folder (or file); the error text when that failed."""
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
    except OSError as exc:
        return f"{exc.strerror or exc} ({exc.filename or path})"
    return None


def recover_leftovers(site: Path) -> None:
    """Clear what interrupted runs left; put back a last good site that was moved aside and not restored."""
    olds = sorted(Path(".").glob(OLD_PREFIX + "*"), key=lambda p: p.lstat().st_mtime)
    if olds and not (site.exists() or site.is_symlink()) and olds[-1].is_dir():
        try:
            os.rename(olds[-1], site)
        except OSError as exc:
            raise SiteError(f"{SITE}/ is missing and could not be restored from {olds[-1]}: {exc.strerror}; "
                            f"move it back with `mv -T {olds[-1]} {site}`") from None
        say(f"{MAKE}: an earlier run was interrupted during its swap; restored the last good {SITE}/ from {olds[-1]}")
        olds.pop()
    for leftover in [*olds, *Path(".").glob(TMP_PREFIX + "*")]:
        if error := remove(leftover):
            raise SiteError(f"could not remove {leftover}, left by an earlier run: {error}; {SITE}/ was not changed")


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold back Ctrl-C and kill while the two renames run, so no signal lands between them."""
    deferred = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    signal.pthread_sigmask(signal.SIG_BLOCK, deferred)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, deferred)


def swap(new: Path, site: Path, old: Path) -> None:
    """Replace ``site`` by ``new`` with checked renames; on any failure the last good site stays at ``site``."""
    if not new.is_dir():
        raise SiteError(f"MkDocs reported success but {new} is not a folder; {KEPT}")
    if reason := describe(site):  # it may have changed while MkDocs was building
        raise SiteError(reason)
    if os.path.lexists(old):
        raise SiteError(f"{old} already exists; {KEPT}")
    with signals_deferred():
        had_site = site.exists()
        if had_site:
            try:
                os.rename(site, old)
            except OSError as exc:
                hint = f" ({site}/ is in use as a mount point)" if exc.errno == errno.EBUSY else ""
                raise SiteError(f"could not move {site}/ aside to {old}: {exc.strerror}{hint}; {KEPT}") from None
        try:
            # `site` no longer exists here, and rename(2) of a folder never moves it into another
            # folder (it fails with ENOTEMPTY if something recreated a non-empty site/), unlike `mv`.
            os.rename(new, site)
        except OSError as install_error:
            if not had_site:
                raise SiteError(f"could not move the new build {new} to {site}/: {install_error.strerror}; "
                                f"there was no earlier {site}/") from None
            try:
                os.rename(old, site)
            except OSError as restore_error:
                raise SiteError(
                    f"could not move the new build {new} to {site}/: {install_error.strerror}, and could not "
                    f"put the last good site back: {restore_error.strerror}. The last good site is in {old}; "
                    f"move it back with `mv -T {old} {site}` (the next {MAKE} also does)") from None
            raise SiteError(f"could not move the new build {new} to {site}/: {install_error.strerror}; "
                            f"{KEPT}") from None
    if had_site and (error := remove(old)):
        raise SiteError(f"the new {site}/ is in place, but the previous one in {old} could not be deleted: {error}")


def build(mkdocs: str, *, offline: bool = False) -> int:
    """Build, then swap in; the exit code for make (0 only when the new site is in place)."""
    new = Path(f"{TMP_PREFIX}{os.getpid()}")
    old = Path(f"{OLD_PREFIX}{os.getpid()}")
    with exclusive_lock(LOCK, lock_timeout()):
        recover_leftovers(SITE)
        if reason := describe(SITE):
            raise SiteError(reason)
        command = [mkdocs, "build", "--strict", "--site-dir", str(new)]
        print(" ".join(command), flush=True)  # like make, show what runs
        try:
            try:
                # Said either way: a BRIEFINGS_OFFLINE left in the shell never turns site/ into file URLs.
                env = {**os.environ, OFFLINE_VARIABLE: "true" if offline else "false"}
                status = subprocess.run(command, check=False, env=env).returncode
            except OSError as exc:
                raise SiteError(f"could not run {mkdocs}: {exc.strerror}; {SITE}/ was not changed") from None
            if status != 0:
                kept = KEPT if SITE.exists() else f"there was no earlier {SITE}/"
                say(f"{MAKE}: mkdocs build failed (exit code {status}); {kept}")
                return status
            swap(new, SITE, old)
        finally:
            if error := remove(new):  # gone after a successful swap; a partial build otherwise
                say(f"{MAKE}: could not remove the temporary build {new}: {error}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line: `python scripts/build_site.py --mkdocs .venv/bin/mkdocs [--offline]`, from the project root."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mkdocs", default="mkdocs", help="the mkdocs executable (default: mkdocs on PATH)")
    parser.add_argument("--offline", action="store_true",
                        help="build site-offline/, the copy to open from disk (file://), instead of site/")
    args = parser.parse_args(argv)
    use_folder(offline=args.offline)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))  # run the clean-up, like Ctrl-C
    try:
        return build(args.mkdocs, offline=args.offline)
    except SiteError as exc:
        say(f"{MAKE}: error: {exc}")
        return 1
    except KeyboardInterrupt:  # the clean-up in build() has run; a traceback would only hide that
        say(f"{MAKE}: interrupted; {SITE}/ was not changed")
        return 128 + signal.SIGINT


if __name__ == "__main__":
    sys.exit(main())
