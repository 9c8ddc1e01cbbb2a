#include "audit/domain/audit_log.h"

#include "access/domain/access.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"

namespace backoffice::domain {

StatusOr<Page<AuditRecord>> AuditLog::List(const AuditFilter& filter,
                                           int page_size,
                                           const std::string& page_token) {
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("audit_records", PageKeyKind::kSequence)
                          .Add(filter.store_code)
                          .Add(filter.method)
                          .Add(filter.entity_type)
                          .Add(filter.entity_id)
                          .Add(filter.principal_id)
                          .Add(filter.start_time)
                          .Add(filter.end_time));
  if (!request.ok()) return request.status();
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
