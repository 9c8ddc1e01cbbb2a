// What the sales commands read before calling the server: the sales of
// `sale record` and `sale upload` as JSON, and the returned lines of
// `sale return`. Each is checked whole, so that nothing is sent from an
// input that is partly wrong.
#ifndef BACKOFFICE_TOOLS_BACKOFFICECTL_SALES_INPUT_H_
#define BACKOFFICE_TOOLS_BACKOFFICECTL_SALES_INPUT_H_

#include <string_view>
#include <vector>

#include "backoffice/status.h"
#include "backoffice/v1/sales_service.pb.h"

namespace backoffice::ctl {

/// One v1.Sale as a JSON object, with proto field names ("sale_id") or
/// lowerCamel ones ("saleId"); a leading UTF-8 byte order mark is ignored.
/// Unknown fields are an error, since a misspelt field would otherwise be
/// dropped silently. Fails with reason INVALID_SALE_JSON.
StatusOr<v1::Sale> ParseSaleJson(std::string_view json);

/// JSON Lines: one v1.Sale object per line, as ParseSaleJson reads it.
/// Blank lines are skipped. Fails with reason INVALID_SALE_JSON on the
/// first line that does not parse, naming it: "line 3: ...".
StatusOr<std::vector<v1::Sale>> ParseSaleJsonLines(std::string_view text);

/// A returned line written N:QTY or N:QTY:damaged: the line number of the
/// original sale, the quantity as a decimal exact to the thousandth (see
/// ParseMilli) and, for goods that go back unsellable, "damaged" in any
/// case. "2:1.5:damaged" is line 2, 1500 thousandths, damaged. Fails with
/// reason INVALID_RETURN_LINE.
StatusOr<v1::ReturnLine> ParseReturnLine(std::string_view text);

}  // namespace backoffice::ctl

#endif  // BACKOFFICE_TOOLS_BACKOFFICECTL_SALES_INPUT_H_
