#include "report/finding.hpp"

namespace phuluc {

const char* severity_id(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::notice: return "notice";
  }
  return "error";
}

}  // namespace phuluc
