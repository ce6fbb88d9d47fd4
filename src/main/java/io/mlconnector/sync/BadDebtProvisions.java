package io.mlconnector.sync;

import io.mlconnector.acumatica.dto.AcuJournalTransaction;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.mapping.BadDebtMapping;
import io.mlconnector.mapping.file.Mapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Keeps an invoice's bad-debt provision in step with Chargebee (see {@link BadDebtMapping}): provided while Chargebee
 * has given up collecting it, released once it is paid, written off, voided or deleted. Off unless the mapping file
 * names {@code bad_debt.allowance_account}.
 */
@ApplicationScoped
public class BadDebtProvisions {
    private final ChargebeeClient chargebee;
    private final AcumaticaDocuments documents;
    private final MappingSource mappings;
    private final Preflight preflight;

    public BadDebtProvisions(ChargebeeClient chargebee, AcumaticaDocuments documents, MappingSource mappings,
                             Preflight preflight) {
        this.chargebee = chargebee;
        this.documents = documents;
        this.mappings = mappings;
        this.preflight = preflight;
    }

    /**
     * Called after the invoice itself is in Acumatica.
     *
     * @param invoice the invoice as the event carried it
     * @return what was posted, for the audit row; empty when nothing needed to be
     * @throws MissingReference when an account the journal needs is a known gap (the event is held and replayed)
     */
    public Optional<String> reconcile(ChargebeeInvoice invoice) {
        Mapping mapping = mappings.current();
        if (mapping.badDebtAllowanceAccount().isEmpty()) {
            return Optional.empty();
        }
        String provision = BadDebtMapping.provisionDescription(invoice.id());
        if (BadDebtMapping.isUncollectible(invoice)) {
            // Events may arrive late: provide only if Chargebee still says not_paid now.
            ChargebeeInvoice current = chargebee.invoice(invoice.id());
            if (!BadDebtMapping.isUncollectible(current)) {
                return reconcile(current);
            }
            return Optional.of("bad debt provision " + post(BadDebtMapping.provision(current, mapping)));
        }
        if (documents.releasedKey("journal", provision).isEmpty()
                || documents.releasedKey("journal", BadDebtMapping.releaseDescription(invoice.id())).isPresent()) {
            return Optional.empty(); // never provided (the usual case: one ledger read), or released already
        }
        // A stale event (an earlier payment_due state delivered late) must not release it: ask Chargebee now.
        ChargebeeInvoice current = chargebee.invoice(invoice.id());
        if (BadDebtMapping.isUncollectible(current)) {
            return Optional.empty();
        }
        BigDecimal amount = documents.journalDebit(provision, mapping.badDebt().account());
        return Optional.of("bad debt provision released " + post(BadDebtMapping.release(current, amount, mapping)));
    }

    private String post(AcuJournalTransaction journal) {
        preflight.missingFor(journal).ifPresent(gap -> {
            throw new MissingReference(gap);
        });
        return documents.ensureReleasedJournal(journal).key();
    }
}
