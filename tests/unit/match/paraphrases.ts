/**
 * Sentences as other journalists might write the covered claims, in their own words (none is
 * copied from the five sources), and near misses that share the words but not the meaning.
 * Written as a reader would put it, before tuning the cues; the cues were tuned afterwards.
 * `title` is the headline of the imagined page, for sentences that say "the company".
 */

export interface Paraphrase {
  text: string;
  /** The claim the sentence states. */
  claim: string;
  title?: string;
}

export interface NearMiss {
  text: string;
  /** What makes it tempting. */
  trap: string;
  title?: string;
}

export const PARAPHRASES: Paraphrase[] = [
  // huawei-lawful-interception-access
  { claim: 'huawei-lawful-interception-access', text: 'Washington says Huawei has been quietly using the interfaces that carriers install for police wiretaps to get into mobile networks.' },
  { claim: 'huawei-lawful-interception-access', title: 'Huawei accused of network snooping', text: 'The company can reach into mobile networks through the access points built for police wiretaps.' },
  { claim: 'huawei-lawful-interception-access', text: 'U.S. intelligence believes Huawei kept a hidden way into the eavesdropping systems that telecom operators are legally required to provide to law enforcement.' },
  { claim: 'huawei-lawful-interception-access', text: 'Huawei allegedly retained covert entry to the lawful-intercept gateways of the carriers it supplies, without telling them.' },
  { claim: 'huawei-lawful-interception-access', title: 'What the U.S. says it knows about Huawei', text: 'For more than ten years the Chinese vendor has been able to tap into cellular networks through back doors designed for lawful surveillance, officials allege.' },
  { claim: 'huawei-lawful-interception-access', text: 'Officials claim Huawei engineers could secretly get into the wiretapping interfaces of networks built with its gear.' },
  { claim: 'huawei-lawful-interception-access', text: 'Huawei is said to have covertly exploited the interception capabilities that mobile operators maintain for court-approved surveillance.' },
  { claim: 'huawei-lawful-interception-access', text: 'American officials say Huawei can snoop on phone networks through the very ports meant for police eavesdropping.' },

  // huawei-backdoors-equipment
  { claim: 'huawei-backdoors-equipment', text: 'Lawmakers have long accused Huawei of hiding backdoors in its routers and handsets.' },
  { claim: 'huawei-backdoors-equipment', text: 'Critics fear ZTE could plant secret back doors in the network gear it sells abroad.' },
  { claim: 'huawei-backdoors-equipment', text: "Huawei's base stations could contain hidden entry points that let Beijing in, U.S. legislators warned." },
  { claim: 'huawei-backdoors-equipment', text: 'It would be easy for Huawei to slip a kill switch into the telecom equipment it ships, the Journal reported.' },
  { claim: 'huawei-backdoors-equipment', text: 'Security researchers worry that Huawei smartphones come with built-in backdoors.' },

  // huawei-state-spying-risk
  { claim: 'huawei-state-spying-risk', text: 'Washington regards Huawei as a threat to national security because Chinese law could compel it to hand over intelligence to Beijing.' },
  { claim: 'huawei-state-spying-risk', text: 'U.S. officials fear Huawei could be forced to spy for the Chinese state.' },
  { claim: 'huawei-state-spying-risk', text: "Huawei's founder is a former officer of the People's Liberation Army, which feeds suspicions that the company answers to Beijing." },
  { claim: 'huawei-state-spying-risk', text: 'American intelligence agencies have branded Huawei a security risk over its links to the Communist Party.' },
  { claim: 'huawei-state-spying-risk', text: 'Senator Sasse called Huawei a tool of the Chinese Communist Party.' },

  // zte-spying-risk
  { claim: 'zte-spying-risk', text: 'U.S. spy agencies suspect ZTE may be eavesdropping on its overseas customers.' },
  { claim: 'zte-spying-risk', text: 'ZTE, too, is seen in Washington as a potential espionage threat.' },

  // facebook-device-partnerships
  { claim: 'facebook-device-partnerships', text: "Facebook let dozens of phone manufacturers tap into its users' personal information through special data-sharing deals." },
  { claim: 'facebook-device-partnerships', text: 'Facebook granted handset makers such as Lenovo and Oppo access to information about users and their friends.' },
  { claim: 'facebook-device-partnerships', text: "Over a decade, Facebook struck agreements with at least 60 device makers that let them pull users' data from its APIs." },
  { claim: 'facebook-device-partnerships', title: 'Inside Facebook’s data deals with phone makers', text: 'The social network shared members’ friend lists and profile details with smartphone companies, four of them Chinese.' },

  // huawei-facebook-data-access
  { claim: 'huawei-facebook-data-access', text: 'Huawei was one of the handset makers that Facebook gave special access to user data.' },
  { claim: 'huawei-facebook-data-access', text: 'Facebook confirmed that Huawei received data on its users under a device partnership.' },
  { claim: 'huawei-facebook-data-access', text: 'Huawei, which U.S. intelligence sees as a threat, could see information about Facebook users and their friends.' },
  { claim: 'huawei-facebook-data-access', text: "Data on Facebook users ended up with Huawei through one of the social network's partnership deals." },

  // zte-sanctions-violation
  { claim: 'zte-sanctions-violation', text: 'ZTE was punished for illegally shipping American technology to Iran and North Korea.' },
  { claim: 'zte-sanctions-violation', text: 'ZTE agreed to pay a $1 billion penalty after breaking U.S. export sanctions.' },
  { claim: 'zte-sanctions-violation', text: 'Commerce had barred ZTE from buying American parts for seven years over the sanctions violations.' },

  // huawei-sanctions-fraud
  { claim: 'huawei-sanctions-fraud', text: 'Prosecutors accuse Huawei of bank fraud and of dodging sanctions on Iran.' },
  { claim: 'huawei-sanctions-fraud', text: 'Huawei is charged with deceiving banks so it could do business with Iran in breach of U.S. sanctions.' },

  // us-supplier-ban-huawei-zte
  { claim: 'us-supplier-ban-huawei-zte', text: "Huawei was added to the Commerce Department's entity list, cutting it off from American suppliers." },
  { claim: 'us-supplier-ban-huawei-zte', text: "Because of the U.S. blacklist, Huawei can no longer ship new phones with Google's apps and services." },
  { claim: 'us-supplier-ban-huawei-zte', text: 'The Trump administration barred American companies from selling components to ZTE.' },

  // us-military-base-ban-huawei-zte
  { claim: 'us-military-base-ban-huawei-zte', text: 'The Pentagon ordered stores on U.S. military bases to stop selling Huawei and ZTE phones.' },
  { claim: 'us-military-base-ban-huawei-zte', text: 'Huawei and ZTE handsets were pulled from shops on American bases by the Defense Department.' },

  // fcc-subsidy-ban-huawei-zte
  { claim: 'fcc-subsidy-ban-huawei-zte', text: 'The FCC voted to bar rural carriers from using federal subsidies to buy Huawei gear.' },
  { claim: 'fcc-subsidy-ban-huawei-zte', text: 'Regulators moved to stop government funds from paying for ZTE equipment.' },

  // huawei-network-bans
  { claim: 'huawei-network-bans', text: 'Australia and New Zealand have shut Huawei out of their 5G networks.' },
  { claim: 'huawei-network-bans', text: 'Washington has pressed its allies to keep Huawei equipment out of their next-generation mobile networks.' },
  { claim: 'huawei-network-bans', text: "Congress urged American carriers not to buy Huawei's network gear." },
  { claim: 'huawei-network-bans', text: 'Britain and Germany resisted U.S. pressure to exclude Huawei from their 5G rollouts.' },

  // huawei-5g-technology-lead
  { claim: 'huawei-5g-technology-lead', text: 'Huawei is the largest maker of telecom network equipment in the world and is thought to be a year or two ahead of Ericsson and Nokia.' },
  { claim: 'huawei-5g-technology-lead', text: "Analysts say Huawei's 5G technology outpaces that of its European rivals." },

  // huawei-state-bank-financing
  { claim: 'huawei-state-bank-financing', text: 'Cheap loans from Chinese state-owned banks have helped Huawei win contracts abroad.' },
  { claim: 'huawei-state-bank-financing', text: "Huawei can offer customers generous credit terms thanks to backing from China's state banks." },

  // carriers-use-huawei-equipment
  { claim: 'carriers-use-huawei-equipment', text: 'Vodafone and Deutsche Telekom both run Huawei equipment in their networks.' },
  { claim: 'carriers-use-huawei-equipment', text: 'Deutsche Telekom relies heavily on Huawei gear for its mobile network.' },
];

export const NEAR_MISSES: NearMiss[] = [
  { trap: 'phone review', text: 'The new Oppo Find X has a gorgeous display and a battery that lasts all day.' },
  { trap: 'phone review', text: "Huawei's P40 camera captures stunning detail even in low light." },
  { trap: 'phone review', text: "The phone's privacy switch cuts power to the microphone, a kill switch Huawei says no rival offers." },
  { trap: 'phone review, "secretly access"', text: "Huawei's family app lets parents secretly access their children's location." },
  { trap: 'wiretap, no company', text: "Police obtained a court-ordered wiretap on the suspect's phone before the arrest." },
  { trap: 'lawful interception, no company', text: 'Investigators used lawful interception to record the gang’s calls for three months.' },
  { trap: 'wiretap, company in the previous sentence', text: 'Huawei phones were seized. Detectives then got a warrant to wiretap the suspects.' },
  { trap: 'Huawei denying an unrelated report', text: 'Huawei denied a report that it plans to cut jobs in Europe.' },
  { trap: 'Huawei denying an unrelated report', text: 'Huawei dismissed claims that its phone batteries overheat.' },
  { trap: 'denial, no claim stated', text: 'Huawei pushed back on the allegations.' },
  { trap: 'Facebook launching a feature', text: 'Facebook launched a feature that lets users share photos with close friends.' },
  { trap: 'Facebook and data, no partners', text: "Facebook announced new privacy controls for its users' data." },
  { trap: 'Facebook partnership, access', text: 'Facebook’s new partnership with the NFL gives fans access to game highlights.' },
  { trap: 'Facebook and information', text: 'Facebook published information about its new data center in Oregon.' },
  { trap: 'Facebook deal with a maker of something else', text: 'Facebook signed a deal with a furniture manufacturer to sell sofas on Marketplace.' },
  { trap: 'Facebook fine over data', text: 'Facebook paid a fine over its handling of user data in Europe.' },
  { trap: 'literal back door', text: 'The burglars got in through the back door of a Huawei store.' },
  { trap: 'spy as a genre', text: 'The spy thriller was filmed entirely on a Huawei phone.' },
  { trap: 'Chinese government as a customer', text: 'Huawei sold laptops to the Chinese government and to schools.' },
  { trap: 'security, not a threat', text: 'Huawei released a security update for its older phones.' },
  { trap: 'Iran, no sanctions', text: 'Huawei phones sold well in Iran before the currency crisis.' },
  { trap: 'fine, not a sanctions penalty', text: 'ZTE paid a fine for filing its taxes late in Brazil.' },
  { trap: 'ZTE profits', text: 'ZTE reported higher quarterly profits on strong 5G sales.' },
  { trap: 'deal, a bargain', text: "ZTE's new phone is a great deal at $199." },
  { trap: 'Huawei deal for 5G equipment', text: 'Huawei signed a deal with a European carrier to supply 5G equipment.' },
  { trap: '"ahead of" schedule', text: 'Huawei is ahead of schedule on its new research campus.' },
  { trap: 'warn, no ban', text: 'Huawei warned that its smartphone sales would fall this year.' },
  { trap: 'block, app store', text: 'Huawei blocked a popular game from its app store.' },
  { trap: 'banking app', text: "Huawei's banking app now works with most European banks." },
  { trap: 'network equipment passing a test', text: "Huawei's 5G network equipment passed a safety test in Britain." },
  { trap: 'Pentagon, no company', text: 'The Pentagon announced a new budget for missile defense.' },
  { trap: 'military base, phone review', text: 'Soldiers at the military base said the Huawei phone survived every drop test.' },
  { trap: 'subsidies, no company', text: 'The FCC approved new subsidies for rural broadband.' },
  { trap: 'subsidies for buyers of a phone', text: 'A Chinese province offered subsidies to buyers of Huawei electric cars.' },
  { trap: 'Nokia and Ericsson without Huawei', text: 'Nokia and Ericsson are racing each other for 5G patents.' },
  { trap: 'Vodafone and data plans', text: 'Vodafone launched unlimited data plans in Germany.' },
  { trap: 'Deutsche Telekom dividend', text: 'Deutsche Telekom raised its dividend after a strong year.' },
  { trap: 'state bank, unrelated', text: "The state bank cut interest rates, and Huawei's shares were unaffected because it is not listed." },
  { trap: 'Huawei founding', text: 'Huawei was founded in Shenzhen in 1987 by Ren Zhengfei.' },
  { trap: 'company history', text: 'The company started out reselling phone switches from Hong Kong.', title: 'Huawei at 35' },
  { trap: 'supply chain, no ban', text: 'Huawei said its supply chain recovered quickly after the earthquake.' },
  { trap: 'Lenovo product news', text: 'Lenovo launched a gaming laptop with a bigger battery and a brighter screen.' },
  { trap: 'TCL product news', text: "TCL's new television supports Dolby Vision and costs less than last year's model." },
  { trap: 'Oppo in opportunity', text: 'An opportunity for the opposition: the vote is opportune.' },
];

/**
 * Written after the cues were tuned on the lists above and never tuned on: an honest measure
 * of how the cues carry over to wording nobody fitted them to. Their figures are reported by
 * the test (and asserted loosely), not pushed to 100%.
 */
export const HELD_OUT_PARAPHRASES: Paraphrase[] = [
  { claim: 'huawei-lawful-interception-access', text: '“They have a way in that the operators don’t know about,” one official said of Huawei’s access to the intercept systems.' },
  { claim: 'huawei-lawful-interception-access', text: 'The allegation is that Huawei engineers can quietly switch on the same eavesdropping tools that courts authorize for police.' },
  { claim: 'huawei-lawful-interception-access', text: 'Huawei, the officials say, secretly retained the ability to use interfaces meant for lawful wiretapping on networks it sold abroad.' },
  { claim: 'huawei-backdoors-equipment', text: "Republican senators have repeatedly claimed that Huawei's 5G equipment is riddled with backdoors for Chinese intelligence." },
  { claim: 'huawei-backdoors-equipment', text: 'The report alleged that ZTE phones shipped with a secret backdoor that could send data to China.' },
  { claim: 'huawei-state-spying-risk', text: "Huawei, critics say, would have no choice but to cooperate if Beijing's intelligence services came knocking." },
  { claim: 'huawei-state-spying-risk', text: 'Washington has labeled Huawei a national-security danger and a potential conduit for Chinese espionage.' },
  { claim: 'facebook-device-partnerships', text: "Facebook quietly gave smartphone makers deep access to its users' friends, the Times found." },
  { claim: 'facebook-device-partnerships', text: 'Among the dozens of companies that got special data access from Facebook were handset manufacturers in China.' },
  { claim: 'huawei-facebook-data-access', text: 'Huawei got access to Facebook data under an arrangement the social network is now ending.' },
  { claim: 'zte-sanctions-violation', text: 'ZTE admitted to selling U.S.-made equipment to Iran in violation of trade restrictions.' },
  { claim: 'huawei-sanctions-fraud', text: 'The indictment says Huawei lied to banks about its business in Iran.' },
  { claim: 'us-supplier-ban-huawei-zte', text: 'Once the Commerce Department blacklisted Huawei, Google stopped supplying its Android services.' },
  { claim: 'us-supplier-ban-huawei-zte', text: 'American chipmakers are now forbidden from selling to Huawei without a license.' },
  { claim: 'us-military-base-ban-huawei-zte', text: 'Military exchanges were told to stop stocking Huawei and ZTE devices.' },
  { claim: 'fcc-subsidy-ban-huawei-zte', text: 'The FCC has barred carriers from spending its Universal Service Fund money on Huawei or ZTE gear.' },
  { claim: 'huawei-network-bans', text: "Japan and Australia followed Washington's lead and barred Huawei from their 5G buildouts." },
  { claim: 'huawei-5g-technology-lead', text: 'Huawei sells more network gear than anyone, and its 5G kit is widely seen as the most advanced.' },
  { claim: 'huawei-state-bank-financing', text: "Huawei's global expansion was bankrolled by China's state lenders." },
  { claim: 'carriers-use-huawei-equipment', text: 'Vodafone said Huawei supplies about a third of the radio equipment in its European networks.' },
];

export const HELD_OUT_NEAR_MISSES: NearMiss[] = [
  { trap: 'product review', text: 'Huawei’s new laptop has a backlit keyboard and a fingerprint reader.' },
  { trap: 'interception, no company', text: 'The court allowed police to intercept the suspect’s messages.' },
  { trap: 'Huawei denying an unrelated report', text: 'Huawei denied reports that it will open a factory in France.' },
  { trap: 'Facebook feature', text: 'Facebook rolled out a dark mode for its Messenger app.' },
  { trap: 'ZTE product', text: 'ZTE unveiled a foldable phone at the Barcelona trade show.' },
  { trap: 'phone review', text: 'Huawei phones are popular with travellers because of their long battery life.' },
  { trap: 'Iran and Beijing, no company', text: 'Iran’s president visited Beijing to discuss trade.' },
  { trap: 'network equipment sales', text: "Huawei's sales of network equipment rose 10 percent in Europe." },
  { trap: 'Pentagon and Huawei', text: "The Pentagon's new chief toured an army base in Texas where Huawei phones are not allowed to be sold." },
  { trap: 'Facebook profile information', text: 'Facebook asked users to update their profile information.' },
  { trap: 'carrier selling phones', text: 'Vodafone customers can now buy Huawei phones on monthly plans.' },
  { trap: 'Huawei customers', text: 'Huawei thanked its customers for their loyalty.' },
  { trap: 'carrier outage', text: 'Deutsche Telekom said its network outage had nothing to do with Huawei.' },
  { trap: 'Huawei founder', text: "Huawei's founder gave a rare interview about his childhood." },
  { trap: 'Huawei award', text: 'Huawei said it was honored to be ranked among the most innovative companies.' },
  { trap: 'secret tracking, no company', text: 'The FBI warned parents about apps that secretly track children.' },
  { trap: 'ZTE chips', text: "ZTE's chief executive said the company would invest in chips." },
  { trap: 'spy camera', text: "Huawei's stand had a spy camera exhibit from a security startup." },
  { trap: 'Facebook and Lenovo product', text: 'Lenovo and Facebook teamed up on a VR headset.' },
  { trap: 'network contract, no Huawei', text: "Nokia won a contract to upgrade BT's 4G network." },
];
