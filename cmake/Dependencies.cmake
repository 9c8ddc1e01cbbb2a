# Every dependency comes from Debian's packages (see tools/install-deps.sh).
find_package(Threads REQUIRED)
find_package(Protobuf REQUIRED)
find_package(gRPC CONFIG REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(absl CONFIG REQUIRED)

if(NOT BACKOFFICE_SDK_ONLY)
  find_package(CLI11 CONFIG REQUIRED)
  find_package(spdlog CONFIG REQUIRED)

  # SOCI ships neither a CMake package config nor a .pc file on Debian.
  find_package(Boost REQUIRED)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(MARIADB REQUIRED IMPORTED_TARGET libmariadb)
  find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
  find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
  find_library(SOCI_MYSQL_LIBRARY soci_mysql REQUIRED)
  if(NOT TARGET SOCI::core)
    add_library(SOCI::core UNKNOWN IMPORTED)
    set_target_properties(SOCI::core PROPERTIES
      IMPORTED_LOCATION "${SOCI_CORE_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}"
      INTERFACE_LINK_LIBRARIES "Boost::headers;${CMAKE_DL_LIBS}")
    add_library(SOCI::mysql UNKNOWN IMPORTED)
    set_target_properties(SOCI::mysql PROPERTIES
      IMPORTED_LOCATION "${SOCI_MYSQL_LIBRARY}"
      INTERFACE_LINK_LIBRARIES "SOCI::core;PkgConfig::MARIADB")
  endif()
endif()
