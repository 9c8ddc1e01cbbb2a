// Status and StatusOr<T>: how every backoffice API reports failure.
//
// None of the SDK's functions throws to report an error; each returns a
// Status or a StatusOr<T>. A failed Status carries the gRPC code, a
// developer-facing message and the server's stable machine-readable reason
// (such as "SKU_ALREADY_EXISTS"), on which callers may branch.
//
// @par Thread Safety
// Status and StatusOr are value types: distinct objects may be used from
// distinct threads; one object may be read concurrently but not written.
#ifndef BACKOFFICE_STATUS_H_
#define BACKOFFICE_STATUS_H_

#include <cstdlib>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <utility>

namespace backoffice {

/// The canonical gRPC status codes, with the same numeric values.
enum class StatusCode {
  kOk = 0,
  kCancelled = 1,
  kUnknown = 2,
  kInvalidArgument = 3,
  kDeadlineExceeded = 4,
  kNotFound = 5,
  kAlreadyExists = 6,
  kPermissionDenied = 7,
  kResourceExhausted = 8,
  kFailedPrecondition = 9,
  kAborted = 10,
  kOutOfRange = 11,
  kUnimplemented = 12,
  kInternal = 13,
  kUnavailable = 14,
  kDataLoss = 15,
  kUnauthenticated = 16,
};

/// The upper-case name of a code, such as "INVALID_ARGUMENT".
inline const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "OK";
    case StatusCode::kCancelled:
      return "CANCELLED";
    case StatusCode::kUnknown:
      return "UNKNOWN";
    case StatusCode::kInvalidArgument:
      return "INVALID_ARGUMENT";
    case StatusCode::kDeadlineExceeded:
      return "DEADLINE_EXCEEDED";
    case StatusCode::kNotFound:
      return "NOT_FOUND";
    case StatusCode::kAlreadyExists:
      return "ALREADY_EXISTS";
    case StatusCode::kPermissionDenied:
      return "PERMISSION_DENIED";
    case StatusCode::kResourceExhausted:
      return "RESOURCE_EXHAUSTED";
    case StatusCode::kFailedPrecondition:
      return "FAILED_PRECONDITION";
    case StatusCode::kAborted:
      return "ABORTED";
    case StatusCode::kOutOfRange:
      return "OUT_OF_RANGE";
    case StatusCode::kUnimplemented:
      return "UNIMPLEMENTED";
    case StatusCode::kInternal:
      return "INTERNAL";
    case StatusCode::kUnavailable:
      return "UNAVAILABLE";
    case StatusCode::kDataLoss:
      return "DATA_LOSS";
    case StatusCode::kUnauthenticated:
      return "UNAUTHENTICATED";
  }
  return "UNKNOWN";
}

/// The outcome of an operation: OK, or a code with a reason and a message.
class Status {
 public:
  /// An OK status.
  Status() = default;
  /// A failed status. `reason` is stable and machine-readable.
  Status(StatusCode code, std::string reason, std::string message)
      : code_(code), reason_(std::move(reason)), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  /// The stable reason, such as "SKU_ALREADY_EXISTS"; empty when OK.
  const std::string& reason() const { return reason_; }
  /// A developer-facing explanation in English.
  const std::string& message() const { return message_; }
  /// Details of this occurrence, such as {"field": "sku"}.
  const std::map<std::string, std::string>& metadata() const {
    return metadata_;
  }
  Status& WithMetadata(std::string key, std::string value) & {
    metadata_[std::move(key)] = std::move(value);
    return *this;
  }
  Status&& WithMetadata(std::string key, std::string value) && {
    metadata_[std::move(key)] = std::move(value);
    return std::move(*this);
  }

  /// "CODE REASON: message", for logs and one-line CLI errors.
  std::string ToString() const {
    if (ok()) return "OK";
    std::string out = StatusCodeName(code_);
    if (!reason_.empty()) out += " " + reason_;
    if (!message_.empty()) out += ": " + message_;
    return out;
  }

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.reason_ == b.reason_ &&
           a.message_ == b.message_;
  }
  friend bool operator!=(const Status& a, const Status& b) { return !(a == b); }
  friend std::ostream& operator<<(std::ostream& os, const Status& s) {
    return os << s.ToString();
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string reason_;
  std::string message_;
  std::map<std::string, std::string> metadata_;
};

/// A value of type T, or the Status that explains why there is none.
///
/// Accessing the value of a failed StatusOr aborts the program: check ok()
/// first.
template <typename T>
class StatusOr {
 public:
  /// A failed StatusOr. `status` must not be OK.
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok()) {
      status_ = Status(StatusCode::kInternal, "OK_STATUS_WITHOUT_VALUE",
                       "StatusOr built from an OK status without a value");
    }
  }
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT

  bool ok() const { return status_.ok(); }
  explicit operator bool() const { return ok(); }
  const Status& status() const { return status_; }

  T& value() & { return CheckedValue(); }
  const T& value() const& {
    return const_cast<StatusOr*>(this)->CheckedValue();
  }
  T&& value() && { return std::move(CheckedValue()); }
  T& operator*() & { return CheckedValue(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &CheckedValue(); }
  const T* operator->() const { return &value(); }

 private:
  T& CheckedValue() {
    if (!value_.has_value()) std::abort();
    return *value_;
  }

  Status status_;
  std::optional<T> value_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_STATUS_H_
