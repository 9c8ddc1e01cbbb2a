// Follows next_page_token through a List method, visiting each item.
#ifndef BACKOFFICE_CLIENT_INTERNAL_PAGER_H_
#define BACKOFFICE_CLIENT_INTERNAL_PAGER_H_

#include <functional>

#include "backoffice/status.h"

namespace backoffice {
namespace internal {

// `list(request)` returns a StatusOr of one page; `items(page)` its
// repeated field. A server that hands back the token it was given would
// loop for ever: that is reported as INTERNAL PAGE_TOKEN_REPEATED.
template <typename Request, typename Item, typename List, typename Items>
Status ForEachPage(Request request, List&& list, Items&& items,
                   const std::function<bool(const Item&)>& visit) {
  for (;;) {
    auto page = list(request);
    if (!page.ok()) return page.status();
    for (const auto& item : items(*page)) {
      if (!visit(item)) return Status();
    }
    const auto& next = page->next_page_token();
    if (next.empty()) return Status();
    if (next == request.page_token()) {
      return Status(StatusCode::kInternal, "PAGE_TOKEN_REPEATED",
                    "the server returned the page token it was given");
    }
    request.set_page_token(next);
  }
}

}  // namespace internal
}  // namespace backoffice

#endif  // BACKOFFICE_CLIENT_INTERNAL_PAGER_H_
