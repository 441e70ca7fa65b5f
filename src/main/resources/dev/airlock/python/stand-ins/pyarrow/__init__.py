"""Airlock's STAND-IN for pyarrow: real pyarrow is not installed in this sandbox.

Airlock puts this package last on ``sys.path``, so ``import pyarrow`` finds it only when no real
pyarrow is importable. It offers the subset of pyarrow that ETL code needs to read what
``bauplan.Client.query`` and ``Client.scan`` return, and the names that type annotations and
schema checks use:

- ``pa.Table`` (``num_rows``, ``num_columns``, ``shape``, ``column_names``, ``schema``,
  ``column(i or name)``, ``columns``, ``select``, ``slice``, ``to_pylist()``, ``to_pydict()``,
  ``to_pandas()`` when pandas is importable, ``Table.from_pydict``, ``Table.from_pylist``),
  ``pa.table(dict)``;
- ``pa.Schema``, ``pa.Field``, ``pa.DataType``, ``pa.ChunkedArray`` (a column: ``to_pylist()``,
  ``null_count``, indexing gives ``Scalar`` with ``as_py()``), ``pa.schema([...])``,
  ``pa.field(name, type)``;
- type factories compared by name: ``pa.int64()``, ``pa.string()``, ``pa.float64()``,
  ``pa.bool_()``, ``pa.timestamp("us")``, ``pa.date32()``, ``pa.decimal128(p, s)``,
  ``pa.list_(t)``, and the other integer, float and binary types.

No compute functions, Arrow arrays, IPC or Parquet: for those, run Airlock with ``--python`` set
to an interpreter that has pyarrow installed.
"""

from bauplan._table import ArrowLikeTable as Table
from bauplan._table import Column as ChunkedArray
from bauplan._table import DataType, Field, Scalar, Schema

__airlock_stand_in__ = True
__version__ = "0.0.0+airlock.stand.in"

__all__ = [
    "ChunkedArray", "DataType", "Field", "Scalar", "Schema", "Table", "binary", "bool_", "date32",
    "date64", "decimal128", "field", "float16", "float32", "float64", "int8", "int16", "int32",
    "int64", "large_binary", "large_string", "list_", "null", "schema", "string", "table",
    "time32", "time64", "timestamp", "uint8", "uint16", "uint32", "uint64", "utf8",
]


def _named(name):
    def factory():
        return DataType(name)
    factory.__name__ = name
    factory.__doc__ = "The %s type (stand-in: compared by name)." % name
    return factory


null = _named("null")
bool_ = _named("bool")
int8 = _named("int8")
int16 = _named("int16")
int32 = _named("int32")
int64 = _named("int64")
uint8 = _named("uint8")
uint16 = _named("uint16")
uint32 = _named("uint32")
uint64 = _named("uint64")
float16 = _named("halffloat")
float32 = _named("float")
float64 = _named("double")
string = _named("string")
utf8 = string
large_string = _named("large_string")
binary = _named("binary")
large_binary = _named("large_binary")
date32 = _named("date32[day]")
date64 = _named("date64[ms]")


def timestamp(unit, tz=None):
    return DataType("timestamp[%s]" % unit if tz is None else "timestamp[%s, tz=%s]" % (unit, tz))


def time32(unit):
    return DataType("time32[%s]" % unit)


def time64(unit):
    return DataType("time64[%s]" % unit)


def decimal128(precision, scale=0):
    return DataType("decimal128(%d, %d)" % (precision, scale))


def list_(value_type):
    return DataType("list<item: %s>" % value_type)


def field(name, type, nullable=True):
    return Field(name, type, nullable)


def schema(fields):
    return Schema([f if isinstance(f, Field) else Field(f[0], f[1]) for f in fields])


def table(data, schema=None):
    """``pa.table({name: [values]})`` or ``pa.table([{name: value}, ...])``."""
    if isinstance(data, dict):
        return Table.from_pydict(data, schema)
    return Table.from_pylist(list(data), schema)
