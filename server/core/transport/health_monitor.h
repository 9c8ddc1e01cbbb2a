// Keeps the gRPC health service truthful: SERVING only while the database
// answers. A background thread probes it every `interval`.
//
// Thread safety: Start and Stop from one thread; the probe runs on its own.
#ifndef BACKOFFICE_SERVER_TRANSPORT_HEALTH_MONITOR_H_
#define BACKOFFICE_SERVER_TRANSPORT_HEALTH_MONITOR_H_

#include <grpcpp/health_check_service_interface.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace backoffice::transport {

class HealthMonitor {
 public:
  HealthMonitor(grpc::HealthCheckServiceInterface* health,
                std::function<bool()> probe,
                std::chrono::milliseconds interval);
  ~HealthMonitor();

  // Probes once synchronously, then keeps probing in the background.
  void Start();
  // Stops probing and reports NOT_SERVING (the server is going away).
  void Stop();

 private:
  void Probe();

  grpc::HealthCheckServiceInterface* health_;
  std::function<bool()> probe_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;      // Guarded by mutex_.
  bool last_serving_ = false;  // Used by the probing thread only.
  bool reported_ = false;
  std::thread thread_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_TRANSPORT_HEALTH_MONITOR_H_
