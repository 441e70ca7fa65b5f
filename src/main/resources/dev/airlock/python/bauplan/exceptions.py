"""Exceptions raised by the client (mirrors ``bauplan.exceptions`` of the Bauplan SDK).

Same class names, parents, HTTP codes and wire ``type`` values as the real SDK, so code that
catches ``bauplan.exceptions.BranchNotFoundError`` (or any parent) behaves the same here and on
Bauplan's cloud. ``AccessDeniedError``, ``JobError`` and ``BauplanHTTPError.context`` are legacy
names that older SDKs had; they are kept as emulator extras for code written against them.
"""

from bauplan import schema as _schema

__all__ = [
    "ApiErrorKind",
    "BauplanError",
    "BauplanHTTPError",
    "TableCreatePlanError",
    "TableCreatePlanStatusError",
    "TableCreatePlanApplyStatusError",
    "BadRequestError",
    "InvalidDataError",
    "InvalidRefError",
    "NotABranchRefError",
    "NotATagRefError",
    "NotAWriteBranchRefError",
    "SameRefError",
    "UnauthorizedError",
    "ForbiddenError",
    "CreateBranchForbiddenError",
    "CreateNamespaceForbiddenError",
    "CreateTagForbiddenError",
    "DeleteBranchForbiddenError",
    "DeleteNamespaceForbiddenError",
    "DeleteTableForbiddenError",
    "DeleteTagForbiddenError",
    "MergeForbiddenError",
    "RenameBranchForbiddenError",
    "RenameTagForbiddenError",
    "RevertTableForbiddenError",
    "NotFoundError",
    "ResourceNotFoundError",
    "TableNotFoundError",
    "NamespaceNotFoundError",
    "BranchNotFoundError",
    "RefNotFoundError",
    "TagNotFoundError",
    "ApiMethodError",
    "MethodNotAllowedError",
    "ApiRouteError",
    "ConflictError",
    "UpdateConflictError",
    "BranchExistsError",
    "TableExistsError",
    "TagExistsError",
    "NamespaceExistsError",
    "NamespaceUnresolvedError",
    "BranchHeadChangedError",
    "MergeConflictError",
    "NamespaceIsNotEmptyError",
    "RevertDestinationTableExistsError",
    "RevertIdenticalTableError",
    "TooManyRequestsError",
    "InternalError",
    "BadGatewayError",
    "ServiceUnavailableError",
    "GatewayTimeoutError",
    "BauplanJobError",
    "BauplanQueryError",
    "NoResultsFoundError",
    "InvalidPlanError",
    "AccessDeniedError",
    "JobError",
]


class ApiErrorKind:
    """A typed API error kind, built from the ``type`` and ``context`` fields of an error."""

    __match_args__ = ()

    def __init__(self, **fields):
        for name in self.__match_args__:
            setattr(self, "_" + name, fields.get(name))

    def __repr__(self):
        args = ", ".join("%s=%r" % (n, getattr(self, n)) for n in self.__match_args__)
        return "ApiErrorKind.%s(%s)" % (type(self).__name__, args)


# (wire type, fields, fields holding a Ref rather than a string)
_KINDS = {
    "BranchExists": ("BRANCH_EXISTS", ("branch_name", "catalog_ref"), ("catalog_ref",)),
    "BranchHeadChanged": ("BRANCH_HEAD_CHANGED", ("input_ref", "head_ref"), ("input_ref", "head_ref")),
    "BranchNotFound": ("BRANCH_NOT_FOUND", ("branch_name",), ()),
    "CreateBranchForbidden": ("CREATE_BRANCH_FORBIDDEN", ("branch_name",), ()),
    "CreateNamespaceForbidden": ("CREATE_NAMESPACE_FORBIDDEN", ("namespace_name",), ()),
    "CreateTagForbidden": ("CREATE_TAG_FORBIDDEN", ("tag_name",), ()),
    "DeleteBranchForbidden": ("DELETE_BRANCH_FORBIDDEN", ("branch_name",), ()),
    "DeleteNamespaceForbidden": ("DELETE_NAMESPACE_FORBIDDEN", ("namespace_name",), ()),
    "DeleteTableForbidden": ("DELETE_TABLE_FORBIDDEN", ("table_name",), ()),
    "DeleteTagForbidden": ("DELETE_TAG_FORBIDDEN", ("tag_name",), ()),
    "InvalidRef": ("INVALID_REF", ("input_ref",), ()),
    "MergeConflict": ("MERGE_CONFLICT", ("source_ref", "destination_ref"), ("source_ref", "destination_ref")),
    "MergeForbidden": ("MERGE_FORBIDDEN", ("source_ref", "destination_branch"), ()),
    "NamespaceExists": ("NAMESPACE_EXISTS", ("namespace_name", "catalog_ref"), ("catalog_ref",)),
    "NamespaceIsNotEmpty": ("NAMESPACE_IS_NOT_EMPTY", ("namespace_name", "branch_name"), ()),
    "NamespaceNotFound": (
        "NAMESPACE_NOT_FOUND",
        ("namespace_name", "input_ref", "catalog_ref"),
        ("catalog_ref",),
    ),
    "NamespaceUnresolved": ("NAMESPACE_UNRESOLVED", ("table_name", "namespace_name"), ()),
    "NotABranchRef": ("NOT_A_BRANCH_REF", ("input_ref",), ()),
    "NotATagRef": ("NOT_A_TAG_REF", ("input_ref",), ()),
    "NotAWriteBranchRef": ("NOT_A_WRITE_BRANCH_REF", ("input_ref",), ()),
    "RefNotFound": ("REF_NOT_FOUND", ("input_ref",), ()),
    "RenameBranchForbidden": ("RENAME_BRANCH_FORBIDDEN", ("old_branch_name", "new_branch_name"), ()),
    "RenameTagForbidden": ("RENAME_TAG_FORBIDDEN", ("old_tag_name", "new_tag_name"), ()),
    "RevertDestinationTableExists": (
        "REVERT_DESTINATION_TABLE_EXISTS",
        ("source_table_name", "destination_table_name"),
        (),
    ),
    "RevertIdenticalTable": (
        "REVERT_IDENTICAL_TABLE",
        ("source_table_name", "destination_table_name"),
        (),
    ),
    "RevertTableForbidden": (
        "REVERT_TABLE_FORBIDDEN",
        ("table_name", "source_ref", "destination_branch"),
        (),
    ),
    "SameRef": ("SAME_REF", ("input_ref", "catalog_ref"), ("input_ref", "catalog_ref")),
    "TableExists": ("TABLE_EXISTS", ("table_name", "catalog_ref"), ("catalog_ref",)),
    "TableNotFound": ("TABLE_NOT_FOUND", ("table_name", "input_ref", "catalog_ref"), ("catalog_ref",)),
    "TagExists": ("TAG_EXISTS", ("tag_name", "catalog_ref"), ("catalog_ref",)),
    "TagNotFound": ("TAG_NOT_FOUND", ("tag_name",), ()),
}

_KIND_BY_TYPE = {}


def _field_property(name):
    return property(lambda self: getattr(self, "_" + name))


for _kind_name, (_wire, _fields, _ref_fields) in _KINDS.items():
    _namespace = {"__match_args__": _fields, "_wire_type": _wire, "_ref_fields": _ref_fields}
    for _field in _fields:
        _namespace[_field] = _field_property(_field)
    _kind_class = type(_kind_name, (ApiErrorKind,), _namespace)
    _kind_class.__qualname__ = "ApiErrorKind." + _kind_name
    setattr(ApiErrorKind, _kind_name, _kind_class)
    _KIND_BY_TYPE[_wire] = _kind_class


class BauplanError(Exception):
    """Base class of every error the client raises."""


class BauplanHTTPError(BauplanError):
    """An HTTP error from the API (here: an error answered by Airlock's lakehouse gateway)."""

    def __init__(self, code, type, message, kind=None):
        BauplanError.__init__(self, message)
        self._code = code
        self._type = type
        self._message = message
        self._kind = kind
        self._context = {}

    @property
    def code(self):
        return self._code

    @property
    def type(self):
        return self._type

    @property
    def message(self):
        return self._message

    @property
    def kind(self):
        return self._kind

    @property
    def context(self):
        """Legacy: the raw error context as a dict (newer SDKs expose ``kind`` instead)."""
        return dict(self._context)

    def __str__(self):
        return self._message

    def __repr__(self):
        return "%s(code=%r, type=%r, message=%r)" % (
            type(self).__name__,
            self._code,
            self._type,
            self._message,
        )


class _PlanStateError:
    """A failed plan or apply job: its message and its state object (shared by the two below)."""

    def __init__(self, message, state):
        Exception.__init__(self, message)
        self._message = message
        self._state = state

    @property
    def message(self):
        return self._message

    @property
    def state(self):
        return self._state


class TableCreatePlanError(BauplanError):
    pass


class TableCreatePlanStatusError(_PlanStateError, TableCreatePlanError):
    pass


class TableCreatePlanApplyStatusError(_PlanStateError, BauplanError):
    pass


# 400 Bad Request
class BadRequestError(BauplanHTTPError): pass
class InvalidDataError(BadRequestError): pass
class InvalidRefError(BadRequestError): pass
class NotABranchRefError(InvalidRefError): pass
class NotATagRefError(InvalidRefError): pass
class NotAWriteBranchRefError(NotABranchRefError): pass
class SameRefError(InvalidRefError): pass


# 401 Unauthorized
class UnauthorizedError(BauplanHTTPError): pass


# 403 Forbidden
class ForbiddenError(BauplanHTTPError): pass
class CreateBranchForbiddenError(ForbiddenError): pass
class CreateNamespaceForbiddenError(ForbiddenError): pass
class CreateTagForbiddenError(ForbiddenError): pass
class DeleteBranchForbiddenError(ForbiddenError): pass
class DeleteNamespaceForbiddenError(ForbiddenError): pass
class DeleteTableForbiddenError(ForbiddenError): pass
class DeleteTagForbiddenError(ForbiddenError): pass
class MergeForbiddenError(ForbiddenError): pass
class RenameBranchForbiddenError(ForbiddenError): pass
class RenameTagForbiddenError(ForbiddenError): pass
class RevertTableForbiddenError(ForbiddenError): pass


# 404 Not Found
class NotFoundError(BauplanHTTPError): pass
class ResourceNotFoundError(NotFoundError): pass
class TableNotFoundError(ResourceNotFoundError): pass
class NamespaceNotFoundError(ResourceNotFoundError): pass
class BranchNotFoundError(ResourceNotFoundError): pass
class RefNotFoundError(ResourceNotFoundError): pass
class TagNotFoundError(ResourceNotFoundError): pass
class ApiMethodError(ResourceNotFoundError): pass


# 405 Method Not Allowed
class MethodNotAllowedError(BauplanHTTPError): pass
class ApiRouteError(MethodNotAllowedError): pass


# 409 Conflict
class ConflictError(BauplanHTTPError): pass
class UpdateConflictError(ConflictError): pass
class BranchExistsError(UpdateConflictError): pass
class TableExistsError(UpdateConflictError): pass
class TagExistsError(UpdateConflictError): pass
class NamespaceExistsError(UpdateConflictError): pass
class NamespaceUnresolvedError(ConflictError): pass
class BranchHeadChangedError(UpdateConflictError): pass
class MergeConflictError(UpdateConflictError): pass
class NamespaceIsNotEmptyError(UpdateConflictError): pass
class RevertDestinationTableExistsError(UpdateConflictError): pass
class RevertIdenticalTableError(UpdateConflictError): pass


# 429 Too Many Requests
class TooManyRequestsError(BauplanHTTPError): pass


# 5xx Server Errors
class InternalError(BauplanHTTPError): pass
class BadGatewayError(BauplanHTTPError): pass
class ServiceUnavailableError(BauplanHTTPError): pass
class GatewayTimeoutError(BauplanHTTPError): pass


# Non-HTTP errors
class BauplanJobError(BauplanError): pass
class BauplanQueryError(BauplanJobError): pass
class NoResultsFoundError(BauplanError): pass
class InvalidPlanError(BauplanError): pass


# Legacy names (emulator extras: older SDKs exported them; the current one does not).
class AccessDeniedError(ForbiddenError): pass
JobError = BauplanJobError


_CLASS_BY_TYPE = {
    "BAD_REQUEST": BadRequestError,
    "INVALID_REF": InvalidRefError,
    "NOT_A_BRANCH_REF": NotABranchRefError,
    "NOT_A_TAG_REF": NotATagRefError,
    "NOT_A_WRITE_BRANCH_REF": NotAWriteBranchRefError,
    "SAME_REF": SameRefError,
    "UNAUTHORIZED": UnauthorizedError,
    "FORBIDDEN": ForbiddenError,
    "CREATE_BRANCH_FORBIDDEN": CreateBranchForbiddenError,
    "CREATE_NAMESPACE_FORBIDDEN": CreateNamespaceForbiddenError,
    "CREATE_TAG_FORBIDDEN": CreateTagForbiddenError,
    "DELETE_BRANCH_FORBIDDEN": DeleteBranchForbiddenError,
    "DELETE_NAMESPACE_FORBIDDEN": DeleteNamespaceForbiddenError,
    "DELETE_TABLE_FORBIDDEN": DeleteTableForbiddenError,
    "DELETE_TAG_FORBIDDEN": DeleteTagForbiddenError,
    "MERGE_FORBIDDEN": MergeForbiddenError,
    "RENAME_BRANCH_FORBIDDEN": RenameBranchForbiddenError,
    "RENAME_TAG_FORBIDDEN": RenameTagForbiddenError,
    "REVERT_TABLE_FORBIDDEN": RevertTableForbiddenError,
    "TABLE_NOT_FOUND": TableNotFoundError,
    "NAMESPACE_NOT_FOUND": NamespaceNotFoundError,
    "BRANCH_NOT_FOUND": BranchNotFoundError,
    "REF_NOT_FOUND": RefNotFoundError,
    "TAG_NOT_FOUND": TagNotFoundError,
    "BRANCH_EXISTS": BranchExistsError,
    "TABLE_EXISTS": TableExistsError,
    "TAG_EXISTS": TagExistsError,
    "NAMESPACE_EXISTS": NamespaceExistsError,
    "NAMESPACE_UNRESOLVED": NamespaceUnresolvedError,
    "BRANCH_HEAD_CHANGED": BranchHeadChangedError,
    "MERGE_CONFLICT": MergeConflictError,
    "NAMESPACE_IS_NOT_EMPTY": NamespaceIsNotEmptyError,
    "REVERT_DESTINATION_TABLE_EXISTS": RevertDestinationTableExistsError,
    "REVERT_IDENTICAL_TABLE": RevertIdenticalTableError,
}

_CLASS_BY_STATUS = {
    400: BadRequestError,
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    405: MethodNotAllowedError,
    409: ConflictError,
    429: TooManyRequestsError,
    500: InternalError,
    502: BadGatewayError,
    503: ServiceUnavailableError,
    504: GatewayTimeoutError,
}


def _kind_from_wire(wire_type, context):
    kind_class = _KIND_BY_TYPE.get(wire_type)
    if kind_class is None:
        return None
    fields = {}
    for name in kind_class.__match_args__:
        value = context.get(name)
        if name == "catalog_ref" and value is None:
            value = context.get("ref")
        if name in kind_class._ref_fields and isinstance(value, dict):
            value = _schema._ref_from_wire(value)
        elif name in kind_class._ref_fields and isinstance(value, str):
            value = _schema.Branch(*value.split("@", 1)) if "@" in value else _schema.Branch(value)
        fields[name] = value
    return kind_class(**fields)


def _from_wire(error):
    """The exception for an error object of the gateway protocol (type, status, message, context)."""
    wire_type = str(error.get("type") or "")
    status = error.get("status")
    message = str(error.get("message") or wire_type or "unknown error")
    context = error.get("context") or {}
    if not isinstance(context, dict):
        context = {}
    cls = _CLASS_BY_TYPE.get(wire_type) or _CLASS_BY_STATUS.get(status, BauplanHTTPError)
    code = status if isinstance(status, int) else 500
    exc = cls(code, wire_type, message, _kind_from_wire(wire_type, context))
    exc._context = context
    return exc
