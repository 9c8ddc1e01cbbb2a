#include "audit/domain/audit_log.h"

#include "access/domain/access.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"

namespace backoffice::domain {

StatusOr<Page<AuditRecord>> AuditLog::List(const AuditFilter& filter,
                                           int page_size,
                                           const std::string& page_token) {
  auto request = MakePageRequest(page_size, page_token);
  if (!request.ok()) return request.status();
  if (!request->after_key.empty()) {
    auto key = ParseTokenId(request->after_key);
    if (!key.ok()) {
      return InvalidArgument("INVALID_PAGE_TOKEN", "page_token is not valid");
    }
  }
  if (filter.start_time && filter.end_time &&
      *filter.end_time <= *filter.start_time) {
    return InvalidField("end_time", "must be after start_time");
  }
  auto items = repository_.ListAuditRecords(filter, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request,
                  [](const AuditRecord& r) { return std::to_string(r.id); });
}

}  // namespace backoffice::domain
