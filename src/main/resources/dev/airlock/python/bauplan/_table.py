"""What ``Client.query`` and ``Client.scan`` return: a ``pyarrow.Table``.

When the sandbox's Python has pyarrow, :func:`table_from_wire` builds a real ``pyarrow.Table`` with
the columns' types (int64, double, string, bool, timestamp, date, decimal, lists, nulls). When it
has none, it builds :class:`ArrowLikeTable`, a stand-in for the part of ``pyarrow.Table`` that ETL
code uses (num_rows, column_names, schema, column(), to_pylist(), to_pydict(), to_pandas()); the
stand-in ``pyarrow`` package Airlock puts last on the path re-exports it as ``pyarrow.Table``.
Values arrive as JSON and are decoded by their column type: dates, timestamps, times, decimals,
binaries and lists come back as the Python objects pyarrow's ``as_py()`` would give.
"""

import base64 as _base64
import datetime as _dt
import decimal as _decimal
import re as _re

__all__ = ["ArrowLikeTable", "Column", "DataType", "Field", "Scalar", "Schema", "table_from_wire"]


def table_from_wire(result):
    """A query answer as a real ``pyarrow.Table`` when pyarrow is importable, else the stand-in."""
    pa = _real_pyarrow()
    if pa is None:
        return ArrowLikeTable._from_wire(result)
    return _arrow_table(pa, result)


def _real_pyarrow():
    try:
        import pyarrow
    except ImportError:
        return None
    return None if getattr(pyarrow, "__airlock_stand_in__", False) else pyarrow


class DataType:
    """A column type, named as pyarrow names it (``int64``, ``string``, ``date32[day]``...)."""

    def __init__(self, name):
        self._name = name

    def __str__(self):
        return self._name

    def __repr__(self):
        return "DataType(%s)" % self._name

    def __eq__(self, other):
        return str(other) == self._name if isinstance(other, (str, DataType)) else NotImplemented

    def __hash__(self):
        return hash(self._name)


class Field:
    def __init__(self, name, type_name, nullable=True):
        self.name = name
        self.type = type_name if isinstance(type_name, DataType) else DataType(str(type_name))
        self.nullable = nullable

    def __eq__(self, other):
        if not isinstance(other, Field):
            return NotImplemented
        return (self.name, self.type, self.nullable) == (other.name, other.type, other.nullable)

    def __hash__(self):
        return hash((self.name, self.type))

    def __repr__(self):
        return "pyarrow.Field<%s: %s>" % (self.name, self.type)


class Schema:
    def __init__(self, fields):
        self._fields = list(fields)

    @property
    def names(self):
        return [f.name for f in self._fields]

    @property
    def types(self):
        return [f.type for f in self._fields]

    def field(self, i):
        if isinstance(i, str):
            return self._fields[self.get_field_index(i)]
        return self._fields[i]

    def get_field_index(self, name):
        names = self.names
        if name not in names:
            return -1
        return names.index(name)

    def __iter__(self):
        return iter(self._fields)

    def __len__(self):
        return len(self._fields)

    def __eq__(self, other):
        if not isinstance(other, Schema):
            return NotImplemented
        return self._fields == other._fields

    def equals(self, other):
        return self == other

    def __getitem__(self, i):
        return self.field(i)

    def __repr__(self):
        return "\n".join("%s: %s" % (f.name, f.type) for f in self._fields)


class Scalar:
    """One value of a column, like a pyarrow Scalar: ``as_py()`` gives the Python value."""

    def __init__(self, value, type_):
        self._value = value
        self.type = type_

    def as_py(self):
        return self._value

    @property
    def is_valid(self):
        return self._value is not None

    def __eq__(self, other):
        if isinstance(other, Scalar):
            return self._value == other._value
        return self._value == other

    def __hash__(self):
        return hash(self._value)

    def __str__(self):
        return str(self._value)

    def __repr__(self):
        return "<Scalar %s: %r>" % (self.type, self._value)


class Column:
    """One column, like a pyarrow ChunkedArray."""

    def __init__(self, name, type_, values):
        self._name = name
        self.type = type_
        self._values = values

    def to_pylist(self):
        return list(self._values)

    @property
    def null_count(self):
        return sum(1 for v in self._values if v is None)

    def __len__(self):
        return len(self._values)

    @property
    def length(self):
        return len(self._values)

    def __iter__(self):
        return (Scalar(v, self.type) for v in self._values)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Column(self._name, self.type, self._values[index])
        return Scalar(self._values[index], self.type)

    def slice(self, offset=0, length=None):
        end = None if length is None else offset + length
        return Column(self._name, self.type, self._values[offset:end])

    def unique(self):
        seen = []
        for v in self._values:
            if v not in seen:
                seen.append(v)
        return Column(self._name, self.type, seen)

    def to_pandas(self):
        pandas = _import_pandas()
        return pandas.Series(self._values, name=self._name)

    def __repr__(self):
        preview = self._values[:10]
        more = ", ..." if len(self._values) > 10 else ""
        return "<Column %s: %s %r%s>" % (self._name, self.type, preview, more)


class ArrowLikeTable:
    """Query results as columns; the subset of ``pyarrow.Table`` that ETL code uses."""

    def __init__(self, schema, columns):
        self._schema = schema
        self._columns = columns

    @classmethod
    def from_pydict(cls, mapping, schema=None):
        """Columns from ``{name: [values]}``; types come from ``schema`` or the first value."""
        names = list(mapping)
        columns = [list(mapping[name]) for name in names]
        if len({len(c) for c in columns}) > 1:
            raise ValueError("columns have different lengths: %s" % [len(c) for c in columns])
        if schema is None:
            schema = Schema([Field(n, _infer_type(c)) for n, c in zip(names, columns)])
        return cls(schema, columns)

    @classmethod
    def from_pylist(cls, rows, schema=None):
        """Columns from a list of ``{name: value}`` rows (missing keys are None)."""
        names = schema.names if schema is not None else []
        for row in rows if schema is None else []:
            names.extend(k for k in row if k not in names)
        return cls.from_pydict({n: [row.get(n) for row in rows] for n in names}, schema)

    @classmethod
    def _from_wire(cls, result):
        wire_columns = result.get("columns") or []
        rows = result.get("rows") or []
        fields = []
        columns = []
        for index, col in enumerate(wire_columns):
            type_name = str(col.get("type") or "null")
            field = Field(str(col.get("name")), type_name, col.get("nullable", True))
            decode = _decoder(type_name)
            values = [decode(row[index]) for row in rows]
            fields.append(field)
            columns.append(values)
        return cls(Schema(fields), columns)

    @property
    def schema(self):
        return self._schema

    @property
    def num_rows(self):
        return len(self._columns[0]) if self._columns else 0

    @property
    def num_columns(self):
        return len(self._columns)

    @property
    def shape(self):
        return (self.num_rows, self.num_columns)

    @property
    def column_names(self):
        return self._schema.names

    @property
    def columns(self):
        return [self.column(i) for i in range(self.num_columns)]

    def __len__(self):
        return self.num_rows

    def column(self, i):
        index = self._index(i)
        field = self._schema.field(index)
        return Column(field.name, field.type, self._columns[index])

    def __getitem__(self, i):
        return self.column(i)

    def _index(self, i):
        if isinstance(i, str):
            index = self._schema.get_field_index(i)
            if index < 0:
                raise KeyError(
                    "Field %r does not exist in the query result; its columns are %s"
                    % (i, self.column_names)
                )
            return index
        if not isinstance(i, int) or not -self.num_columns <= i < self.num_columns:
            raise IndexError("column index %r out of range (%d columns)" % (i, self.num_columns))
        return i % self.num_columns

    def select(self, columns):
        indices = [self._index(c) for c in columns]
        return ArrowLikeTable(
            Schema([self._schema.field(i) for i in indices]), [self._columns[i] for i in indices]
        )

    def slice(self, offset=0, length=None):
        end = None if length is None else offset + length
        return ArrowLikeTable(self._schema, [values[offset:end] for values in self._columns])

    def to_pydict(self):
        return {name: list(values) for name, values in zip(self.column_names, self._columns)}

    def to_pylist(self):
        names = self.column_names
        return [dict(zip(names, row)) for row in zip(*self._columns)] if names else []

    def to_pandas(self):
        pandas = _import_pandas()
        return pandas.DataFrame(self.to_pydict(), columns=self.column_names)

    def __repr__(self):
        lines = ["bauplan query result (pyarrow.Table-like)", repr(self._schema), "----"]
        for name, values in zip(self.column_names, self._columns):
            more = ", ..." if len(values) > 5 else ""
            lines.append("%s: %r%s" % (name, values[:5], more))
        return "\n".join(lines)


def _infer_type(values):
    for v in values:
        if v is None:
            continue
        if isinstance(v, bool):
            return "bool"
        if isinstance(v, int):
            return "int64"
        if isinstance(v, float):
            return "double"
        if isinstance(v, _dt.datetime):
            return "timestamp[us]"
        if isinstance(v, _dt.date):
            return "date32[day]"
        if isinstance(v, bytes):
            return "binary"
        return "string"
    return "null"


def _arrow_table(pa, result):
    """A real ``pyarrow.Table``: each column typed by its wire type, decoded values in it."""
    wire_columns = result.get("columns") or []
    rows = result.get("rows") or []
    arrays = []
    fields = []
    for index, col in enumerate(wire_columns):
        type_name = str(col.get("type") or "null")
        decode = _decoder(type_name)
        values = [decode(row[index]) for row in rows]
        array = _arrow_array(pa, values, _arrow_type(pa, type_name))
        arrays.append(array)
        fields.append(pa.field(str(col.get("name")), array.type, col.get("nullable", True)))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _arrow_array(pa, values, arrow_type):
    if arrow_type is not None:
        try:
            return pa.array(values, type=arrow_type)
        except (pa.ArrowException, ValueError, TypeError, OverflowError, ArithmeticError):
            pass  # e.g. DuckDB's 'infinity' timestamps, kept as text: let pyarrow infer
    try:
        return pa.array(values)
    except (pa.ArrowException, ValueError, TypeError, OverflowError, ArithmeticError):
        return pa.array([None if v is None else str(v) for v in values], type=pa.string())


_SIMPLE_TYPES = {
    "null": "null", "bool": "bool_", "int8": "int8", "int16": "int16", "int32": "int32",
    "int64": "int64", "uint8": "uint8", "uint16": "uint16", "uint32": "uint32", "uint64": "uint64",
    "halffloat": "float16", "float": "float32", "double": "float64", "string": "string",
    "utf8": "string", "large_string": "large_string", "binary": "binary",
    "large_binary": "large_binary", "date32[day]": "date32", "date64[ms]": "date64",
}
_TIMESTAMP = _re.compile(r"timestamp\[(s|ms|us|ns)(?:, tz=(.+))?\]$")
_TIME = _re.compile(r"time(32|64)\[(s|ms|us|ns)\]$")
_DECIMAL = _re.compile(r"decimal(?:128)?\((\d+), ?(\d+)\)$")


def _arrow_type(pa, type_name):
    """The pyarrow type a wire type name names, or None to let pyarrow infer it."""
    name = type_name.strip()
    if name in _SIMPLE_TYPES:
        return getattr(pa, _SIMPLE_TYPES[name])()
    if name.startswith("list<") and name.endswith(">"):
        inner = _arrow_type(pa, _list_item_type(name))
        return None if inner is None else pa.list_(inner)
    m = _TIMESTAMP.match(name)
    if m:
        return pa.timestamp(m.group(1), tz=m.group(2))
    m = _TIME.match(name)
    if m:
        return (pa.time32 if m.group(1) == "32" else pa.time64)(m.group(2))
    m = _DECIMAL.match(name)
    if m and int(m.group(1)) <= 38:
        return pa.decimal128(int(m.group(1)), int(m.group(2)))
    return None


def _import_pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError(
            "to_pandas() needs pandas, which is not importable in this sandbox; use "
            "to_pylist() or to_pydict() instead, or ask for pandas in <packages>"
        ) from None
    return pandas


def _decoder(type_name):
    if type_name.startswith("list<") or type_name.startswith("large_list<"):
        inner = _decoder(_list_item_type(type_name))
        return lambda v: None if v is None else [inner(x) for x in v]
    if type_name.startswith("date"):
        return _nullable(_dt.date.fromisoformat)
    if type_name.startswith("timestamp"):
        return _nullable(_parse_timestamp)
    if type_name.startswith("time"):
        return _nullable(_dt.time.fromisoformat)
    if type_name.startswith("decimal"):
        return _nullable(lambda v: _decimal.Decimal(str(v)))
    if type_name in ("float", "double", "halffloat"):
        return _nullable(float)
    if type_name.startswith("binary") or type_name.startswith("large_binary"):
        return _nullable(_base64.b64decode)
    return lambda v: v


def _list_item_type(type_name):
    inner = type_name[type_name.index("<") + 1 : type_name.rindex(">")]
    return inner.split(": ", 1)[1] if ": " in inner else inner


def _nullable(decode):
    def run(value):
        if value is None:
            return None
        try:
            return decode(value)
        except (ValueError, TypeError, ArithmeticError):
            return value  # e.g. DuckDB's 'infinity' timestamps: keep the text rather than fail
    return run


def _parse_timestamp(text):
    value = str(text)
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    return _dt.datetime.fromisoformat(value)
