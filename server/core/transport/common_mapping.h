// Conversions every module shares: timestamps, money, roles, field masks, and
// the shape of a response.
#ifndef BACKOFFICE_SERVER_CORE_TRANSPORT_COMMON_MAPPING_H_
#define BACKOFFICE_SERVER_CORE_TRANSPORT_COMMON_MAPPING_H_

#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/message.h>
#include <google/protobuf/repeated_ptr_field.h>
#include <google/protobuf/timestamp.pb.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/status.h"
#include "backoffice/v1/common.pb.h"
#include "core/domain/model.h"

namespace backoffice::transport {

domain::Money FromProto(const v1::Money& m);
void ToProto(const domain::Money& m, v1::Money* p);
std::vector<std::string> FromProto(const google::protobuf::FieldMask& mask);
// The update mask of an Update RPC, following AIP-134: the paths of `mask`
// when it has any; otherwise the fields that `patch` sets (scalars that are
// not their default, repeated fields that are not empty, messages that are
// present), named as the mask names them, leaving out `ignored` (the fields
// that name the resource and the output-only ones). The domain thus always
// receives an explicit mask.
std::vector<std::string> UpdateMaskOf(
    const google::protobuf::FieldMask& mask,
    const google::protobuf::Message& patch,
    std::initializer_list<std::string_view> ignored);
domain::Role FromProto(v1::Role role);
v1::Role ToProto(domain::Role role);
domain::TimeMicros FromProto(const google::protobuf::Timestamp& t);
// Sets `t` from microseconds since the epoch; leaves it unset for 0 (never).
void SetTimestamp(domain::TimeMicros micros, google::protobuf::Timestamp* t);

// Maps a domain result into the response's field with `to_proto`.
template <typename T, typename P, typename ToProtoFn>
Status RespondWith(StatusOr<T> result, P* out, ToProtoFn to_proto) {
  if (!result.ok()) return result.status();
  to_proto(*result, out);
  return Status();
}

// Maps a page of domain items and its next page token.
template <typename T, typename P, typename ToProtoFn>
Status RespondPageWith(StatusOr<domain::Page<T>> page,
                       google::protobuf::RepeatedPtrField<P>* items,
                       std::string* next_page_token, ToProtoFn to_proto) {
  if (!page.ok()) return page.status();
  for (const auto& item : page->items) to_proto(item, items->Add());
  *next_page_token = page->next_page_token;
  return Status();
}

}  // namespace backoffice::transport

// The module's own ToProto overloads are found where these expand, in the
// service's file, after its mapping header.
#define BO_RESPOND(result, out)                                    \
  ::backoffice::transport::RespondWith(                            \
      (result), (out), [](const auto& domain_value, auto* proto) { \
        ToProto(domain_value, proto);                              \
      })
#define BO_RESPOND_PAGE(page, items, next_page_token) \
  ::backoffice::transport::RespondPageWith(           \
      (page), (items), (next_page_token),             \
      [](const auto& domain_value, auto* proto) {     \
        ToProto(domain_value, proto);                 \
      })

#endif  // BACKOFFICE_SERVER_CORE_TRANSPORT_COMMON_MAPPING_H_
