"""Local sources of create_table/import_data: read here, inside the sandbox, and uploaded.

The lakehouse runs on the host, outside the sandbox. If it opened the paths this code names, code
could swap a folder for a link to a host folder between the host's check and its read. So the
client expands globs and folders and opens the files itself, where the sandbox confines what it
can see, and streams their bytes with the request; the host imports its private copy. Paths under
the folders listed in AIRLOCK_HOST_SOURCES (the read-only raw data, ``/raw``) and remote URIs
(``s3://``) are left for the host to read.
"""

import glob as _glob
import os as _os

from bauplan import exceptions as _exc

ENV_HOST_SOURCES = "AIRLOCK_HOST_SOURCES"

# The files a folder import takes (as the host's folder walk does); globs and single files may
# name any file, and the lakehouse reports a type it cannot read.
_FOLDER_EXTENSIONS = (".parquet", ".csv", ".json", ".jsonl", ".ndjson")


def files_to_upload(search_uri, failure_type):
    """The sandbox paths of the files to upload for ``search_uri``; empty: the host reads it.

    Raises the bauplan error of ``failure_type`` when a local source matches no file here.
    """
    if not isinstance(search_uri, str) or not search_uri:
        return []
    if "://" in search_uri and not search_uri.startswith("file://"):
        return []
    path = search_uri[len("file://"):] if search_uri.startswith("file://") else search_uri
    absolute = _os.path.normpath(_os.path.join(_os.getcwd(), path))
    for prefix in _host_prefixes():
        if absolute == prefix or absolute.startswith(prefix + "/"):
            return []
    if any(c in absolute for c in "*?["):
        files = sorted(p for p in _glob.glob(absolute, recursive=True) if _os.path.isfile(p))
        if not files:
            raise _failed(failure_type, search_uri, "the pattern matched no files in the sandbox:"
                          " check the folder and the pattern")
        return files
    if _os.path.isdir(absolute):
        files = sorted(_walk(absolute))
        if not files:
            raise _failed(failure_type, search_uri, "the folder holds no %s files"
                          % "/".join(_FOLDER_EXTENSIONS))
        return files
    if _os.path.isfile(absolute):
        return [absolute]
    raise _failed(failure_type, search_uri, "no such file or folder in the sandbox: check the path"
                  + _raw_hint())


def _walk(folder):
    for root, _dirs, names in _os.walk(folder):
        for name in names:
            full = _os.path.join(root, name)
            if name.lower().endswith(_FOLDER_EXTENSIONS) and _os.path.isfile(full):
                yield full


def _host_prefixes():
    listed = _os.environ.get(ENV_HOST_SOURCES, "")
    return [_os.path.normpath(p) for p in listed.split(":") if p.startswith("/") and p != "/"]


def _raw_hint():
    prefixes = _host_prefixes()
    return " (the raw data is under %s)" % ", ".join(prefixes) if prefixes else ""


def _failed(failure_type, search_uri, why):
    return _exc._from_wire({
        "type": failure_type,
        "status": 400,
        "message": "Cannot read source %s: %s." % (search_uri, why),
        "context": {"search_uri": search_uri},
    })
