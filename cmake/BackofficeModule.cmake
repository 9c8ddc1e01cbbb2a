# backoffice_module(<name>
#   DOMAIN <sources...> STORAGE <sources...> TRANSPORT <sources...>
#   [USES <modules this one builds on>])
#
# Defines the layers of one business module as targets whose links enforce
# the layer rules:
#   backoffice_<name>_domain     core domain (and used modules' domains) only:
#                                no SOCI, no gRPC, no protobuf
#   backoffice_<name>_storage    + SOCI: the module's SQL
#   backoffice_<name>_transport  + protos and gRPC, no SOCI: mapping only
#   backoffice_<name>            the module's wiring (<name>_module.cc)
# and adds the module to the server's registry (app/modules.cc).
function(backoffice_module name)
  cmake_parse_arguments(ARG "" "" "DOMAIN;STORAGE;TRANSPORT;USES" ${ARGN})
  set(domain_deps backoffice_core_domain)
  set(storage_deps backoffice_core_storage)
  foreach(used IN LISTS ARG_USES)
    list(APPEND domain_deps backoffice_${used}_domain)
    list(APPEND storage_deps backoffice_${used}_storage)
  endforeach()

  add_library(backoffice_${name}_domain STATIC ${ARG_DOMAIN})
  target_link_libraries(backoffice_${name}_domain PUBLIC ${domain_deps})
  backoffice_warnings(backoffice_${name}_domain)

  add_library(backoffice_${name}_storage STATIC ${ARG_STORAGE})
  target_link_libraries(backoffice_${name}_storage
    PUBLIC backoffice_${name}_domain ${storage_deps}
    PRIVATE spdlog::spdlog)
  backoffice_warnings(backoffice_${name}_storage)

  add_library(backoffice_${name}_transport STATIC ${ARG_TRANSPORT})
  target_link_libraries(backoffice_${name}_transport
    PUBLIC backoffice_${name}_domain backoffice_core_transport)
  backoffice_warnings(backoffice_${name}_transport)

  add_library(backoffice_${name} STATIC ${name}_module.cc)
  target_link_libraries(backoffice_${name} PUBLIC backoffice_core_module
    backoffice_${name}_storage backoffice_${name}_transport)
  backoffice_warnings(backoffice_${name})

  set_property(GLOBAL APPEND PROPERTY BACKOFFICE_MODULE_NAMES ${name})
endfunction()
