package org.barshaga.registry;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EnumInput;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.ResultPage;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registry", description = "Administrative units and organisations")
class RegistryApi {

	private final AdminUnits units;

	private final Organisations organisations;

	RegistryApi(AdminUnits units, Organisations organisations) {
		this.units = units;
		this.organisations = organisations;
	}

	@GetMapping("/org-units/{code}")
	@Operation(summary = "One administrative unit")
	OrgUnitView unit(@PathVariable String code) {
		return OrgUnitView.of(units.get(code));
	}

	@GetMapping("/org-units/{code}/children")
	@Operation(summary = "The units directly under a unit, closed ones included with their valid-to date")
	List<OrgUnitView> children(@PathVariable String code) {
		return units.children(code).stream().map(OrgUnitView::of).toList();
	}

	@GetMapping("/organisations")
	@Operation(summary = "Organisations under a unit, optionally of one type, a page at a time")
	ResultPage<OrganisationView> organisations(@RequestParam(defaultValue = "KZ") String orgUnit,
			@RequestParam(required = false) String type, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		OrganisationType parsedType = EnumInput.parse(OrganisationType.class, type, "type", problems);
		OrganisationStatus parsedStatus = EnumInput.parse(OrganisationStatus.class, status, "status", problems);
		if (page < 0) {
			problems.add("page", "validation.min", 0);
		}
		if (size < 1 || size > OrganisationSearch.MAX_PAGE_SIZE) {
			problems.add("size", "validation.range", 1, OrganisationSearch.MAX_PAGE_SIZE);
		}
		problems.throwIfAny();
		return organisations.search(new OrganisationSearch(q, parsedType, orgUnit, parsedStatus, page, size))
			.map(OrganisationView::of);
	}

	@GetMapping("/organisations/{id}")
	@Operation(summary = "One organisation")
	OrganisationView organisation(@PathVariable long id) {
		return OrganisationView.of(organisations.get(id));
	}

	@PostMapping("/organisations")
	@Operation(summary = "Create an organisation in the caller's scope")
	ResponseEntity<OrganisationView> create(Actor actor, @RequestBody OrganisationRequest request) {
		Organisation created = organisations.create(actor, request.toInput().toDraft());
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id()))
			.body(OrganisationView.of(created));
	}

	@PutMapping("/organisations/{id}")
	@Operation(summary = "Change an organisation in the caller's scope; send the version you read")
	OrganisationView update(Actor actor, @PathVariable long id, @RequestBody OrganisationRequest request) {
		return OrganisationView.of(organisations.update(actor, id, request.toInput().toDraft()));
	}

}
