package dev.rapport.crm.campaign;

import dev.rapport.crm.campaign.FourRuleRivals.Control;
import dev.rapport.crm.campaign.FourRuleRivals.FourRuleFacts;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public class GateDevMain {
  public static void main(String[] args) {
    int customers = Integer.parseInt(args[0]);
    boolean compile = args.length > 1;
    CampaignGate gate = CampaignGate.builder().engine(FourRulePopulation.engine()).build();
    FourRulePopulation p = FourRulePopulation.generate(42L, customers);
    List<CampaignCustomer> list = new ArrayList<>();
    List<Map<String, Object>> views = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      list.add(CampaignCustomer.of(p.ledgers[i], p.histories.get(i)));
      views.add(Control.view(FourRuleFacts.of(p.ledgers[i], p.histories.get(i), FourRulePopulation.AT)));
    }
    CustomerSource source = CustomerSource.of(list);
    OutreachTemplate template = OutreachTemplate.at(Outreach.builder().purpose(Purpose.PROMOTION).channel(Channel.EMAIL).at(FourRulePopulation.AT).build());
    CompiledPopulation compiled = gate.compile(source, template);
    double bestGate = 1e9, bestControl = 1e9, bestCompile = 1e9;
    for (int round = 0; round < 15; round++) {
      long c0 = System.nanoTime();
      long a0 = 0L;
      int x = 0;
      for (int k = 0; k < 5; k++) {
        x += gate.gate(compiled, template).size();
      }
      long c1 = System.nanoTime();
      long a1 = 0L;
      int allowed = 0;
      for (int k = 0; k < 5; k++) {
        for (Map<String, Object> view : views) {
          allowed += Control.decide(view) == Verdict.ALLOW ? 1 : 0;
        }
      }
      long c2 = System.nanoTime();
      String comp = "";
      if (compile) {
        gate.compile(source, template);
        long c3 = System.nanoTime();
        long a3 = 0L;
        comp = String.format(" compile %.0f ns %.0f B", (c3 - c2) / (double) customers, (a3 - a1) / (double) customers);
      }
      bestGate = Math.min(bestGate, (c1 - c0) / 5.0 / customers);
      bestControl = Math.min(bestControl, (c2 - c1) / 5.0 / customers);
      System.out.printf("best gate %.1f control %.1f | ", bestGate, bestControl);
      System.out.printf("gate %.1f ns cpu, %.1f B; control %.1f ns cpu %d%s%n", (c1 - c0) / 5.0 / customers, (a1 - a0) / 5.0 / customers, (c2 - c1) / 5.0 / customers, x + allowed, comp);
    }
  }
}
