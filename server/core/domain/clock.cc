#include "core/domain/clock.h"

#include <chrono>

namespace backoffice::domain {

TimeMicros SystemNowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace backoffice::domain
