"""Writing a command's output where the user asked, without surprises.

* ``None`` or ``-``: standard output.
* A device, a FIFO or a socket (``/dev/null``, ``/dev/stdout``, a named
  pipe): written straight to it, never replaced.
* A symlink: written through to its target, the link kept.
* A regular file, new or existing: written atomically (a temporary file in
  the same folder, then a rename), with the existing file's mode, or for a
  new file the mode the user's umask gives, like any other program.
* A folder, a path under a file, a folder that does not exist (it is not
  created behind the user's back) or one this process may not create files
  in: :class:`OutputError` (exit 2), naming the path, and nothing is written.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

from graph.errors import OutputError, WorkError

#: errors that say the folder will not take a new file, whatever is retried
_REFUSED = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_bytes(data: bytes, target: str | Path | None) -> Path | None:
    """Write ``data`` to ``target`` as described above; returns the regular
    file written, or None for stdout and devices."""
    if target is None or str(target) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return None
    path = Path(target)
    try:
        real = path.resolve() if path.is_symlink() else path
        try:
            info = real.stat()
        except FileNotFoundError:
            info = None
        except NotADirectoryError as err:
            raise OutputError(f"{path}: a part of this path is a file, not a folder") from err
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise OutputError(f"{path}: is a folder; give a file name for the output")
        if info is not None and not stat.S_ISREG(info.st_mode):
            try:
                fh = open(real, "wb")  # noqa: SIM115 - a device, FIFO or socket: write to it
            except OSError as err:
                if err.errno in _REFUSED:
                    raise OutputError(
                        f"{path}: cannot open it for writing ({err.strerror})"
                    ) from err
                raise
            with fh:
                fh.write(data)
            return None
        parent = real.parent
        if not parent.exists():
            raise OutputError(
                f"{path}: the folder {parent} does not exist; create it first or "
                "choose another path"
            )
        if not parent.is_dir():
            raise OutputError(f"{path}: {parent} is a file, not a folder")
        mode = stat.S_IMODE(info.st_mode) if info is not None else _umask_mode()
        try:
            fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{real.name}.")
        except OSError as err:
            if err.errno in _REFUSED:
                raise OutputError(
                    f"{path}: cannot create a file in {parent} ({err.strerror}); "
                    "choose a folder you may write to"
                ) from err
            raise
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, real)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OutputError:
        raise
    except (NotADirectoryError, FileExistsError) as err:
        raise OutputError(f"{path}: cannot write here: {err.strerror or err}") from err
    except OSError as err:
        raise WorkError(
            f"{path}: writing failed ({err.strerror or err}); nothing was replaced"
        ) from err
    return real
