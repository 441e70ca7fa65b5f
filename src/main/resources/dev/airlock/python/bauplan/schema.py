"""Catalog objects returned by the client (mirrors ``bauplan.schema`` of the Bauplan SDK).

Airlock's local stand-in for the Bauplan SDK: these classes carry what the embedded lakehouse
returns over the gateway socket. Attributes are read-only properties, as in the real SDK.
"""

import datetime as _dt
import uuid as _uuid

__all__ = [
    "Actor",
    "Branch",
    "Commit",
    "DetachedRef",
    "JobKind",
    "JobState",
    "Namespace",
    "PartitionField",
    "Ref",
    "RefType",
    "Table",
    "TableField",
    "TableKind",
    "Tag",
]


class _Enum:
    """A small closed set of named values, like the SDK's PyO3 enums."""

    _members = ()

    def __init__(self, name, value):
        self._name = name
        self._value = value

    @property
    def name(self):
        return self._name

    def __int__(self):
        return self._value

    def __str__(self):
        return self._name

    def __repr__(self):
        return "%s.%s" % (type(self).__name__, self._name)

    def __eq__(self, other):
        if isinstance(other, str):
            return other == self._name
        return type(other) is type(self) and other._value == self._value

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((type(self).__name__, self._value))

    @classmethod
    def _of(cls, name):
        for member in cls._members:
            if member._name == name:
                return member
        return getattr(cls, "UNSPECIFIED", None) or cls._members[0]


def _enum(cls, names):
    members = []
    for index, name in enumerate(names):
        member = cls(name, index)
        setattr(cls, name, member)
        members.append(member)
    cls._members = tuple(members)
    return cls


class RefType(_Enum):
    """The type of a ref: BRANCH, TAG or DETACHED."""


_enum(RefType, ["BRANCH", "TAG", "DETACHED"])


class JobKind(_Enum):
    """The kind of a job."""


_enum(
    JobKind,
    [
        "UNSPECIFIED",
        "EXTERNAL_TABLE_CREATE",
        "IMPORT_PLAN_APPLY",
        "IMPORT_PLAN_CREATE",
        "QUERY",
        "RUN",
        "TABLE_IMPORT",
        "TABLE_PLAN_CREATE",
        "TABLE_PLAN_CREATE_APPLY",
    ],
)


class JobState(_Enum):
    """The state of a job."""


_enum(JobState, ["UNSPECIFIED", "ABORT", "COMPLETE", "FAIL", "NOT_STARTED", "OTHER", "RUNNING"])


class TableKind(_Enum):
    """The kind of a table entry: Table (managed) or ExternalTable."""


_enum(TableKind, ["Table", "ExternalTable"])


class Ref:
    """A reference to a branch, tag or commit, as returned by API operations."""

    _ref_type = None

    def __init__(self, name, hash=None, type=None):
        self._name = "" if name is None else str(name)
        self._hash = hash
        self._type = type or self._ref_type or RefType.BRANCH

    @property
    def name(self):
        return self._name

    @property
    def hash(self):
        return self._hash

    @property
    def type(self):
        return self._type

    def __str__(self):
        if self._hash:
            return "%s@%s" % (self._name, self._hash)
        return self._name

    def __repr__(self):
        return "%s(name=%r, hash=%r)" % (type(self).__name__, self._name, self._hash)

    def __eq__(self, other):
        return (
            isinstance(other, Ref)
            and other._name == self._name
            and other._hash == self._hash
            and other._type == self._type
        )

    def __hash__(self):
        return hash((self._name, self._hash, str(self._type)))


class Branch(Ref):
    """A branch reference returned by the API."""

    _ref_type = RefType.BRANCH


class Tag(Ref):
    """A tag reference returned by the API."""

    _ref_type = RefType.TAG


class DetachedRef(Ref):
    """A detached reference (a specific commit, not on any branch)."""

    _ref_type = RefType.DETACHED

    def __init__(self, name="", hash=None, type=None):
        Ref.__init__(self, "", hash, RefType.DETACHED)


class Namespace:
    """A table namespace."""

    def __init__(self, name):
        self._name = name

    @property
    def name(self):
        return self._name

    def __repr__(self):
        return "Namespace(name=%r)" % (self._name,)

    def __eq__(self, other):
        return isinstance(other, Namespace) and other._name == self._name

    def __hash__(self):
        return hash(self._name)


class Actor:
    """An actor (author or committer) in a commit."""

    def __init__(self, name, email=None):
        self._name = name
        self._email = email

    @property
    def name(self):
        return self._name

    @property
    def email(self):
        return self._email

    def __repr__(self):
        return "Actor(name=%r, email=%r)" % (self._name, self._email)


class TableField:
    """A field in a table schema; ``type`` holds an Iceberg type name (string, long, ...)."""

    def __init__(self, id, name, required, type):
        self._id = id
        self._name = name
        self._required = required
        self._type = type

    @property
    def id(self):
        return self._id

    @property
    def name(self):
        return self._name

    @property
    def required(self):
        return self._required

    @property
    def type(self):
        return self._type

    def __repr__(self):
        return "TableField(id=%r, name=%r, required=%r, type=%r)" % (
            self._id,
            self._name,
            self._required,
            self._type,
        )


class PartitionField:
    """A partition field on a table."""

    def __init__(self, name, transform):
        self._name = name
        self._transform = transform

    @property
    def name(self):
        return self._name

    @property
    def transform(self):
        return self._transform

    def __repr__(self):
        return "PartitionField(name=%r, transform=%r)" % (self._name, self._transform)


class Table:
    """A table in the lake."""

    def __init__(self, data):
        self._data = dict(data)

    def _get(self, key, default=None):
        value = self._data.get(key)
        return default if value is None else value

    @property
    def id(self):
        raw = self._data.get("id")
        try:
            return _uuid.UUID(str(raw))
        except (TypeError, ValueError):
            return _uuid.uuid5(_uuid.NAMESPACE_URL, "airlock:table:" + self.fqn)

    @property
    def name(self):
        return self._data.get("name")

    @property
    def namespace(self):
        return self._data.get("namespace")

    @property
    def fqn(self):
        return "%s.%s" % (self.namespace, self.name)

    @property
    def kind(self):
        return TableKind.ExternalTable if self._data.get("kind") == "ExternalTable" else TableKind.Table

    def is_managed(self):
        return self.kind == TableKind.Table

    def is_external(self):
        return self.kind == TableKind.ExternalTable

    @property
    def records(self):
        return self._data.get("records")

    @property
    def size(self):
        return self._data.get("size")

    @property
    def last_updated_at(self):
        return _parse_datetime(self._data.get("last_updated_at"))

    @property
    def fields(self):
        return [
            TableField(f.get("id", i + 1), f.get("name"), bool(f.get("required")), f.get("type"))
            for i, f in enumerate(self._get("fields", []))
        ]

    @property
    def snapshots(self):
        return self._data.get("snapshots")

    @property
    def partitions(self):
        return [PartitionField(p.get("name"), p.get("transform")) for p in self._get("partitions", [])]

    @property
    def metadata_location(self):
        return self._get("metadata_location", "")

    @property
    def current_snapshot_id(self):
        return self._data.get("current_snapshot_id")

    @property
    def current_schema_id(self):
        return self._data.get("current_schema_id")

    @property
    def properties(self):
        return dict(self._get("properties", {}))

    def __repr__(self):
        return "Table(name=%r, namespace=%r, kind=%r, records=%r)" % (
            self.name,
            self.namespace,
            str(self.kind),
            self.records,
        )


class Commit:
    """A commit in the catalog."""

    def __init__(self, data):
        self._data = dict(data)

    @property
    def ref(self):
        return _ref_from_wire(self._data.get("ref"))

    @property
    def message(self):
        return self._data.get("message")

    @property
    def subject(self):
        message = self.message
        return None if message is None else message.split("\n", 1)[0]

    @property
    def body(self):
        message = self.message
        if message is None or "\n" not in message:
            return None
        return message.split("\n", 1)[1].strip("\n") or None

    @property
    def authors(self):
        return [Actor(a.get("name"), a.get("email")) for a in self._data.get("authors") or []]

    @property
    def author(self):
        authors = self.authors
        return authors[0] if authors else None

    @property
    def authored_date(self):
        return _parse_datetime(self._data.get("authored_date"))

    @property
    def committer(self):
        c = self._data.get("committer") or {}
        return Actor(c.get("name"), c.get("email"))

    @property
    def committed_date(self):
        return _parse_datetime(self._data.get("committed_date"))

    @property
    def parent_hashes(self):
        return list(self._data.get("parent_hashes") or [])

    @property
    def parent_ref(self):
        parents = self.parent_hashes
        ref = self.ref
        return Ref(ref.name, parents[0] if parents else None, ref.type)

    @property
    def parent_merge_ref(self):
        parents = self.parent_hashes
        if len(parents) < 2:
            return None
        return Branch(self._data.get("merged_from") or "", parents[1])

    @property
    def properties(self):
        return dict(self._data.get("properties") or {})

    @property
    def signed_off_by(self):
        return []

    def __repr__(self):
        return "Commit(ref=%r, message=%r)" % (self.ref, self.message)


def _ref_from_wire(data):
    """Builds the Ref subclass named by the wire ``type`` (BRANCH, TAG, DETACHED)."""
    if data is None:
        return None
    kind = str(data.get("type") or "BRANCH").upper()
    if kind == "TAG":
        return Tag(data.get("name"), data.get("hash"))
    if kind == "DETACHED":
        return DetachedRef("", data.get("hash"))
    return Branch(data.get("name"), data.get("hash"))


def _parse_datetime(text):
    if text is None or isinstance(text, _dt.datetime):
        return text
    value = str(text)
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    try:
        return _dt.datetime.fromisoformat(value)
    except ValueError:
        return None
