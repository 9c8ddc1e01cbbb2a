#include "core/transport/common_mapping.h"

#include <google/protobuf/util/time_util.h>

namespace backoffice::transport {

using google::protobuf::util::TimeUtil;

domain::Money FromProto(const v1::Money& m) {
  return domain::Money{m.currency_code(), m.minor_units()};
}

void ToProto(const domain::Money& m, v1::Money* p) {
  p->set_currency_code(m.currency_code);
  p->set_minor_units(m.minor_units);
}

void SetTimestamp(domain::TimeMicros micros, google::protobuf::Timestamp* t) {
  if (micros != 0) *t = TimeUtil::MicrosecondsToTimestamp(micros);
}

domain::TimeMicros FromProto(const google::protobuf::Timestamp& t) {
  return TimeUtil::TimestampToMicroseconds(t);
}

domain::Role FromProto(v1::Role role) {
  switch (role) {
    case v1::ROLE_POS_TERMINAL:
      return domain::Role::kPosTerminal;
    case v1::ROLE_STORE_STAFF:
      return domain::Role::kStoreStaff;
    case v1::ROLE_STORE_MANAGER:
      return domain::Role::kStoreManager;
    case v1::ROLE_HEAD_OFFICE:
      return domain::Role::kHeadOffice;
    case v1::ROLE_ADMIN:
      return domain::Role::kAdmin;
    default:
      return domain::Role::kUnspecified;
  }
}

v1::Role ToProto(domain::Role role) {
  switch (role) {
    case domain::Role::kPosTerminal:
      return v1::ROLE_POS_TERMINAL;
    case domain::Role::kStoreStaff:
      return v1::ROLE_STORE_STAFF;
    case domain::Role::kStoreManager:
      return v1::ROLE_STORE_MANAGER;
    case domain::Role::kHeadOffice:
      return v1::ROLE_HEAD_OFFICE;
    case domain::Role::kAdmin:
      return v1::ROLE_ADMIN;
    case domain::Role::kUnspecified:
      break;
  }
  return v1::ROLE_UNSPECIFIED;
}

std::vector<std::string> FromProto(const google::protobuf::FieldMask& mask) {
  return {mask.paths().begin(), mask.paths().end()};
}

std::vector<std::string> UpdateMaskOf(
    const google::protobuf::FieldMask& mask,
    const google::protobuf::Message& patch,
    std::initializer_list<std::string_view> ignored) {
  if (mask.paths_size() > 0) return FromProto(mask);
  // ListFields gives exactly the fields that are set: proto3 scalars that
  // differ from their default, non-empty repeated fields, present messages.
  std::vector<const google::protobuf::FieldDescriptor*> fields;
  patch.GetReflection()->ListFields(patch, &fields);
  std::vector<std::string> paths;
  for (const auto* field : fields) {
    const std::string name(field->name());
    bool skip = false;
    for (std::string_view i : ignored) skip = skip || name == i;
    if (!skip) paths.push_back(name);
  }
  return paths;
}

}  // namespace backoffice::transport
