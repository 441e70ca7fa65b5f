"""Job states (mirrors ``bauplan.state`` of the Bauplan SDK).

A job-style call (``import_data``) reports failure in its state instead of raising:
``job_status`` is ``"SUCCESS"`` or ``"FAILED"``, ``error`` is ``None`` or the reason.
"""

__all__ = [
    "TableCreatePlanApplyState",
    "TableCreatePlanContext",
    "TableCreatePlanState",
    "TableDataImportContext",
    "TableDataImportState",
]


class _Record:
    _fields = ()

    def __init__(self, **values):
        for name in self._fields:
            setattr(self, "_" + name, values.get(name))

    def __repr__(self):
        args = ", ".join("%s=%r" % (n, getattr(self, "_" + n)) for n in self._fields)
        return "%s(%s)" % (type(self).__name__, args)


def _record(name, fields, doc):
    namespace = {"_fields": tuple(fields), "__doc__": doc}
    for field in fields:
        namespace[field] = property(lambda self, f=field: getattr(self, "_" + f))
    return type(name, (_Record,), namespace)


TableDataImportContext = _record(
    "TableDataImportContext",
    [
        "branch_name",
        "table_name",
        "namespace",
        "search_string",
        "import_duplicate_files",
        "best_effort",
        "continue_on_error",
        "transformation_query",
        "preview",
    ],
    "The parameters that were passed to a data import job.",
)

TableDataImportState = _record(
    "TableDataImportState",
    ["job_id", "job_status", "error", "ctx"],
    "The state of a completed data import job.",
)

TableCreatePlanContext = _record(
    "TableCreatePlanContext",
    ["branch_name", "namespace", "search_string", "table_name", "table_partitioned_by", "table_replace"],
    "The parameters that were passed to a table creation plan.",
)

TableCreatePlanState = _record(
    "TableCreatePlanState",
    ["job_id", "job_status", "error", "plan", "can_auto_apply", "files_to_be_imported", "ctx"],
    "The result of planning a table creation.",
)

TableCreatePlanApplyState = _record(
    "TableCreatePlanApplyState",
    ["job_id", "job_status", "error"],
    "The state of applying a table creation plan.",
)
