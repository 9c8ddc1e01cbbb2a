#include "core/domain/errors.h"

#include <cctype>
#include <utility>

namespace backoffice::domain {

Status InvalidField(const std::string& field, const std::string& message) {
  std::string reason = "INVALID_";
  for (char c : field) {
    reason +=
        c == '.'
            ? '_'
            : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return Status(StatusCode::kInvalidArgument, std::move(reason),
                field + ": " + message)
      .WithMetadata("field", field);
}

#define BACKOFFICE_ERROR_BUILDER(Name, Code)                                \
  Status Name(std::string reason, std::string message) {                    \
    return Status(StatusCode::Code, std::move(reason), std::move(message)); \
  }

BACKOFFICE_ERROR_BUILDER(InvalidArgument, kInvalidArgument)
BACKOFFICE_ERROR_BUILDER(NotFound, kNotFound)
BACKOFFICE_ERROR_BUILDER(AlreadyExists, kAlreadyExists)
BACKOFFICE_ERROR_BUILDER(PermissionDenied, kPermissionDenied)
BACKOFFICE_ERROR_BUILDER(FailedPrecondition, kFailedPrecondition)
BACKOFFICE_ERROR_BUILDER(Unauthenticated, kUnauthenticated)
BACKOFFICE_ERROR_BUILDER(Unavailable, kUnavailable)
BACKOFFICE_ERROR_BUILDER(Aborted, kAborted)
BACKOFFICE_ERROR_BUILDER(Internal, kInternal)

#undef BACKOFFICE_ERROR_BUILDER

}  // namespace backoffice::domain
