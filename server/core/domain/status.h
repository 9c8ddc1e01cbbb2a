// The server's own error type: Status and StatusOr<T>.
//
// The server does not use the SDK's public `backoffice::Status`, so that a
// need of the server never becomes a change of the SDK's API. Transport maps
// this type to gRPC once, at the edge (core/transport/error_mapping.h); the
// SDK maps gRPC back to its own type.
//
// Every layer of the server speaks this type: the using-declarations at the
// end make `Status` name `domain::Status` in storage, transport, module and
// app code.
#ifndef BACKOFFICE_SERVER_CORE_DOMAIN_STATUS_H_
#define BACKOFFICE_SERVER_CORE_DOMAIN_STATUS_H_

#include <cstdlib>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <utility>

namespace backoffice::domain {

// The canonical codes, numbered as gRPC numbers them, so that mapping to the
// wire is a cast that cannot drift.
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

// "INVALID_ARGUMENT" and so on, for logs.
const char* StatusCodeName(StatusCode code);

// OK, or a code with a stable machine-readable reason (such as
// "SKU_ALREADY_EXISTS"), a message for humans and details of the occurrence.
class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string reason, std::string message)
      : code_(code), reason_(std::move(reason)), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& reason() const { return reason_; }
  const std::string& message() const { return message_; }
  // Details such as {"field": "sku"}; they travel in google.rpc.ErrorInfo.
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

  // "CODE REASON: message".
  std::string ToString() const;

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

// A value, or the Status that explains why there is none. Reading the value
// of a failed StatusOr aborts: callers check ok() first.
template <typename T>
class StatusOr {
 public:
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

}  // namespace backoffice::domain

// The layers above the domain name the same type without qualification.
namespace backoffice::storage {
using domain::Status;
using domain::StatusCode;
using domain::StatusOr;
}  // namespace backoffice::storage
namespace backoffice::transport {
using domain::Status;
using domain::StatusCode;
using domain::StatusOr;
}  // namespace backoffice::transport
namespace backoffice::module {
using domain::Status;
using domain::StatusCode;
using domain::StatusOr;
}  // namespace backoffice::module
namespace backoffice::app {
using domain::Status;
using domain::StatusCode;
using domain::StatusOr;
}  // namespace backoffice::app

#endif  // BACKOFFICE_SERVER_CORE_DOMAIN_STATUS_H_
