#include "app/app.h"

wxIMPLEMENT_APP(gl::app::App);
