// The four tabs of the main window.
#pragma once

#include "app/households_panel.h"
#include "app/quarantine_panel.h"
#include "app/today_panel.h"
#include "app/visits_panel.h"
