#include "services/api/call_gate.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace parley {

ByteBudget::ByteBudget(absl::string_view name, absl::string_view flag, size_t limit)
    : name_(name), flag_(flag), limit_(limit) {}

absl::Status ByteBudget::Reserve(size_t bytes) {
  absl::MutexLock lock(&mu_);
  if (limit_ > 0 && reserved_ > 0 && reserved_ + bytes > limit_) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the server's ", name_, " are full (", reserved_, " of ", limit_, " bytes, ",
                     flag_, "); this call needs ", bytes, ": retry later"));
  }
  reserved_ += bytes;
  peak_ = std::max(peak_, reserved_);
  return absl::OkStatus();
}

void ByteBudget::Release(size_t bytes) {
  absl::MutexLock lock(&mu_);
  reserved_ -= std::min(reserved_, bytes);
}

size_t ByteBudget::reserved() const {
  absl::MutexLock lock(&mu_);
  return reserved_;
}

size_t ByteBudget::peak() const {
  absl::MutexLock lock(&mu_);
  return peak_;
}

CallGate::Ticket& CallGate::Ticket::operator=(Ticket&& other) noexcept {
  if (this != &other) {
    if (gate_ != nullptr) {
      gate_->Exit();
    }
    gate_ = other.gate_;
    other.gate_ = nullptr;
  }
  return *this;
}

CallGate::Ticket::~Ticket() {
  if (gate_ != nullptr) {
    gate_->Exit();
  }
}

CallGate::Ticket CallGate::Enter() {
  absl::MutexLock lock(&mu_);
  if (draining_) {
    return Ticket();
  }
  ++in_flight_;
  return Ticket(this);
}

void CallGate::Exit() {
  absl::MutexLock lock(&mu_);
  --in_flight_;
}

void CallGate::BeginDrain() {
  absl::MutexLock lock(&mu_);
  draining_ = true;
}

bool CallGate::draining() const {
  absl::MutexLock lock(&mu_);
  return draining_;
}

bool CallGate::WaitIdle(absl::Time deadline) {
  absl::MutexLock lock(&mu_);
  return mu_.AwaitWithDeadline(absl::Condition(
                                   +[](CallGate* gate) ABSL_EXCLUSIVE_LOCKS_REQUIRED(gate->mu_) {
                                     return gate->in_flight_ == 0;
                                   },
                                   this),
                               deadline);
}

size_t CallGate::in_flight() const {
  absl::MutexLock lock(&mu_);
  return in_flight_;
}

SerialExecutor::SerialExecutor() : thread_([this] { Loop(); }) {}

SerialExecutor::~SerialExecutor() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
}

void SerialExecutor::Run(std::function<void()> task) {
  absl::MutexLock lock(&mu_);
  tasks_.push_back(std::move(task));
}

size_t SerialExecutor::queued() const {
  absl::MutexLock lock(&mu_);
  return tasks_.size();
}

void SerialExecutor::Loop() {
  while (true) {
    std::function<void()> task;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](SerialExecutor* e)
               ABSL_EXCLUSIVE_LOCKS_REQUIRED(e->mu_) { return !e->tasks_.empty() || e->stopping_; },
          this));
      if (tasks_.empty()) {
        return;  // Stopping, and everything queued has run.
      }
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
  }
}

}  // namespace parley
