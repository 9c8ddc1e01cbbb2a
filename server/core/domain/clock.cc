#include "core/domain/clock.h"

#include <absl/time/civil_time.h>
#include <absl/time/time.h>

#include <chrono>

namespace backoffice::domain {

TimeMicros SystemNowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string DayInZone(TimeMicros instant, const std::string& time_zone) {
  absl::TimeZone zone = absl::UTCTimeZone();
  if (!absl::LoadTimeZone(time_zone, &zone)) zone = absl::UTCTimeZone();
  return absl::FormatCivilTime(
      absl::ToCivilDay(absl::FromUnixMicros(instant), zone));
}

}  // namespace backoffice::domain
