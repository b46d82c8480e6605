// The GUI suite's main: a wxApp without a main loop (wxEntryStart), a wx assert handler that throws
// (a failed wxASSERT would otherwise open a modal dialog and hang CI), the embedded forms and the
// Chinese catalog, then doctest. Settings go to a temporary folder, never the user's.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <wx/app.h>
#include <wx/init.h>
#include <wx/log.h>
#include <wx/xrc/xmlres.h>

#include "app/app_i18n.h"
#include "app/local_clock.h"

extern void InitXmlResource();

namespace {
void throwingAssert(const wxString& file, int line, const wxString& func, const wxString& cond, const wxString& msg) {
  throw std::logic_error(std::string("wx assertion failed: ") + cond.utf8_string() + " " + msg.utf8_string() + " at " +
                         file.utf8_string() + ":" + std::to_string(line) + " in " + func.utf8_string());
}
}  // namespace

int main(int argc, char** argv) {
  doctest::Context ctx;
  ctx.applyCommandLine(argc, argv);
  for (int i = 1; i < argc; ++i)
    if (!std::strncmp(argv[i], "--list", 6) || !std::strncmp(argv[i], "-l", 2) || !std::strncmp(argv[i], "-h", 2))
      return ctx.run();
  auto config = std::filesystem::temp_directory_path() / ("gl-gui-config-" + std::to_string(getpid()));
  setenv("XDG_CONFIG_HOME", config.c_str(), 1);
  setenv("XDG_DATA_HOME", config.c_str(), 1);
  wxApp::SetInstance(new wxApp());
  int wxargc = 1;
  char* wxargv[] = {argv[0], nullptr};
  if (!wxEntryStart(wxargc, wxargv)) {
    std::fprintf(stderr, "The GUI suite needs a display (run it under xvfb-run)\n");
    return 2;
  }
  wxSetAssertHandler(throwingAssert);
  // Logged errors go to stderr: wx's GUI log target would show them in a modal dialog at exit,
  // which nobody answers under Xvfb.
  delete wxLog::SetActiveTarget(new wxLogStderr);
  wxTheApp->CallOnInit();
  gl::app::setupTranslations(getenv("GL_GUI_LANG") ? getenv("GL_GUI_LANG") : "zh_CN");
  // A grid worker's morning, whatever the hour the suite runs at (tests that need the afternoon say so).
  gl::app::fixLocalHour(9);
  wxXmlResource::Get()->InitAllHandlers();
  InitXmlResource();
  int result = ctx.run();
  wxTheApp->OnExit();
  wxEntryCleanup();
  std::error_code ec;
  std::filesystem::remove_all(config, ec);
  return result;
}
