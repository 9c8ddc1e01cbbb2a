#include "core/transport/health_monitor.h"

#include <spdlog/spdlog.h>

namespace backoffice::transport {

HealthMonitor::HealthMonitor(grpc::HealthCheckServiceInterface* health,
                             std::function<bool()> probe,
                             std::chrono::milliseconds interval)
    : health_(health), probe_(std::move(probe)), interval_(interval) {}

HealthMonitor::~HealthMonitor() { Stop(); }

void HealthMonitor::Probe() {
  const bool serving = probe_();
  if (!reported_ || serving != last_serving_) {
    if (serving) {
      spdlog::info("database answers: health SERVING");
    } else {
      spdlog::warn("database does not answer: health NOT_SERVING");
    }
    last_serving_ = serving;
    reported_ = true;
  }
  // The empty name is the server as a whole.
  health_->SetServingStatus(serving);
}

void HealthMonitor::Start() {
  Probe();
  thread_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
      lock.unlock();
      Probe();
      lock.lock();
    }
  });
}

void HealthMonitor::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  health_->SetServingStatus(false);
}

}  // namespace backoffice::transport
