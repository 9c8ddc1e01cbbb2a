// Time as the domain reads it: injected, so that tests control it.
#ifndef BACKOFFICE_SERVER_CORE_DOMAIN_CLOCK_H_
#define BACKOFFICE_SERVER_CORE_DOMAIN_CLOCK_H_

#include <functional>
#include <string>

#include "core/domain/model.h"

namespace backoffice::domain {

using Clock = std::function<TimeMicros()>;
// The system clock, in microseconds since the epoch.
TimeMicros SystemNowMicros();
// The day ("YYYY-MM-DD") `instant` falls on in the IANA `time_zone`; UTC's
// when the zone is unknown.
std::string DayInZone(TimeMicros instant, const std::string& time_zone);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CORE_DOMAIN_CLOCK_H_
